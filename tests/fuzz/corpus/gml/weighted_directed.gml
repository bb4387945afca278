graph [
  directed 1
  multigraph 1
  title "Weighted directed reference graph"
  description "Hand-made, strongly connected positive graph with one-way and mutual relations, two relations on B->E (0.2 and 0.65), and negative relations that only enter the signed metrics."
  sources "[]"
  node [
    id 0
    label "A"
    name "Actor A"
    kind "other"
  ]
  node [
    id 1
    label "B"
    name "Actor B"
    kind "other"
  ]
  node [
    id 2
    label "C"
    name "Actor C"
    kind "other"
  ]
  node [
    id 3
    label "D"
    name "Actor D"
    kind "other"
  ]
  node [
    id 4
    label "E"
    name "Actor E"
    kind "other"
  ]
  node [
    id 5
    label "F"
    name "Actor F"
    kind "other"
  ]
  node [
    id 6
    label "G"
    name "Actor G"
    kind "other"
  ]
  node [
    id 7
    label "H"
    name "Actor H"
    kind "other"
  ]
  node [
    id 8
    label "I"
    name "Actor I"
    kind "other"
  ]
  edge [
    source 0
    target 1
    key "r1"
    type "tie"
    sign 1
    weight 1.0
    mutual 0
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 1
    target 0
    key "r2"
    type "tie"
    sign 1
    weight 0.40000000000000002
    mutual 0
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 1
    target 2
    key "r3"
    type "tie"
    sign 1
    weight 0.5
    mutual 0
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 2
    target 0
    key "r4"
    type "tie"
    sign 1
    weight 0.25
    mutual 0
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 0
    target 3
    key "r5"
    type "tie"
    sign 1
    weight 0.80000000000000004
    mutual 1
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 3
    target 4
    key "r6"
    type "tie"
    sign 1
    weight 0.10000000000000001
    mutual 0
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 4
    target 5
    key "r7"
    type "tie"
    sign 1
    weight 0.59999999999999998
    mutual 0
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 5
    target 3
    key "r8"
    type "tie"
    sign 1
    weight 0.90000000000000002
    mutual 0
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 2
    target 6
    key "r9"
    type "tie"
    sign 1
    weight 0.69999999999999996
    mutual 0
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 6
    target 7
    key "r10"
    type "tie"
    sign 1
    weight 0.29999999999999999
    mutual 1
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 7
    target 8
    key "r11"
    type "tie"
    sign 1
    weight 1.0
    mutual 0
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 8
    target 0
    key "r12"
    type "tie"
    sign 1
    weight 0.45000000000000001
    mutual 0
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 1
    target 4
    key "r13"
    type "tie"
    sign 1
    weight 0.20000000000000001
    mutual 0
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 1
    target 4
    key "r14"
    type "support"
    sign 1
    weight 0.65000000000000002
    mutual 0
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 5
    target 2
    key "r15"
    type "tie"
    sign 1
    weight 0.34999999999999998
    mutual 0
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 4
    target 8
    key "r16"
    type "tie"
    sign 1
    weight 0.14999999999999999
    mutual 1
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 0
    target 5
    key "r17"
    type "rivalry"
    sign -1
    weight 0.69999999999999996
    mutual 0
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 2
    target 1
    key "r18"
    type "rivalry"
    sign -1
    weight 0.90000000000000002
    mutual 0
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 7
    target 6
    key "r19"
    type "rivalry"
    sign -1
    weight 0.20000000000000001
    mutual 0
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 8
    target 4
    key "r20"
    type "rivalry"
    sign -1
    weight 0.25
    mutual 0
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 2
    target 8
    key "r21"
    type "rivalry"
    sign -1
    weight 1.0
    mutual 1
    confidence "reported"
    evidence "[]"
  ]
]
