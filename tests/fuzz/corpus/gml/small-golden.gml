graph [
  directed 1
  multigraph 1
  title "Small test graph <&amp;>"
  sources "[{&quot;id&quot;:&quot;s1&quot;,&quot;title&quot;:&quot;A test article&quot;,&quot;author&quot;:&quot;Test Author&quot;}]"
  node [
    id 0
    label "PRK"
    name "&#51312;&#49440;"
    kind "state"
    group "Axis"
  ]
  node [
    id 1
    label "RUS"
    name "&#1056;&#1086;&#1089;&#1089;&#1080;&#1103;"
    kind "state"
    group "Axis"
  ]
  node [
    id 2
    label "UKR"
    name "Ukraine"
    kind "state"
  ]
  node [
    id 3
    label "USA"
    name "United States"
    kind "state"
    group "West"
  ]
  node [
    id 4
    label "NATO"
    name "NATO &amp; partners"
    kind "organization"
    group "West"
  ]
  node [
    id 5
    label "KJU"
    name "Kim &quot;Jong&quot; Un"
    kind "person"
  ]
  node [
    id 6
    label "X"
    name "Back\slash"
    kind "other"
  ]
  edge [
    source 0
    target 1
    key "r1"
    type "troop_deployment"
    sign 1
    weight 0.84999999999999998
    mutual 0
    confidence "reported"
    label "troops"
    evidence "[{&quot;source&quot;:&quot;s1&quot;,&quot;section&quot;:&quot;Deployment&quot;,&quot;note&quot;:&quot;C1&quot;}]"
  ]
  edge [
    source 0
    target 1
    key "r2"
    type "alliance"
    sign 1
    weight 0.80000000000000004
    mutual 1
    confidence "confirmed"
    evidence "[]"
  ]
  edge [
    source 1
    target 0
    key "r3"
    type "arms_transfer"
    sign 1
    weight 0.82999999999999996
    mutual 0
    confidence "speculative"
    evidence "[]"
  ]
  edge [
    source 1
    target 2
    key "r4"
    type "armed_conflict"
    sign -1
    weight 1.0
    mutual 1
    confidence "reported"
    start "2022-02-24"
    evidence "[]"
  ]
  edge [
    source 3
    target 0
    key "r5"
    type "sanctions"
    sign -1
    weight 0.5
    mutual 0
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 4
    target 3
    key "r6"
    type "alliance"
    sign 1
    weight 0.80000000000000004
    mutual 1
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 5
    target 0
    key "r7"
    type "leads"
    sign 1
    weight 1.0
    mutual 0
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 6
    target 2
    key "r8"
    type "rhetoric"
    sign -1
    weight 0.5
    mutual 0
    confidence "reported"
    evidence "[]"
  ]
]
exit 0
