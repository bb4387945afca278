graph [
  directed 1
  multigraph 1
  title "Attribute names that GML writes alike"
  description "GML keys keep only ASCII letters and digits: 'iso-code' and 'iso_code' both become attr_iso_code."
  sources "[]"
  node [
    id 0
    label "A"
    name "A"
    kind "state"
    attr_iso_2Dcode "AA"
    attr_iso__code "aa"
  ]
  node [
    id 1
    label "B"
    name "B"
    kind "state"
  ]
  edge [
    source 0
    target 1
    key "r1"
    type "trade"
    sign 1
    weight 0.64000000000000001
    mutual 0
    confidence "reported"
    evidence "[]"
  ]
]
