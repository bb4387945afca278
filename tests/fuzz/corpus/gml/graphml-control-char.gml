graph [
  directed 1
  multigraph 1
  title "A control character&#1;in a string"
  sources "[]"
  node [
    id 0
    label "A"
    name "Bell&#7;name"
    kind "state"
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
    label "unit&#31;separator"
    evidence "[]"
  ]
]
