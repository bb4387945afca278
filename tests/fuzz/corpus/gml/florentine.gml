graph [
  directed 1
  multigraph 1
  title "Florentine families (Padgett; networkx florentine_families_graph)"
  description "Marriage ties between Renaissance Florentine families, as in networkx 2.8 (15 families; Pucci, isolated, is absent). Unweighted and undirected: every relation is mutual, weight 1."
  sources "[]"
  node [
    id 0
    label "Acciaiuoli"
    name "Acciaiuoli"
    kind "group"
  ]
  node [
    id 1
    label "Albizzi"
    name "Albizzi"
    kind "group"
  ]
  node [
    id 2
    label "Barbadori"
    name "Barbadori"
    kind "group"
  ]
  node [
    id 3
    label "Bischeri"
    name "Bischeri"
    kind "group"
  ]
  node [
    id 4
    label "Castellani"
    name "Castellani"
    kind "group"
  ]
  node [
    id 5
    label "Ginori"
    name "Ginori"
    kind "group"
  ]
  node [
    id 6
    label "Guadagni"
    name "Guadagni"
    kind "group"
  ]
  node [
    id 7
    label "Lamberteschi"
    name "Lamberteschi"
    kind "group"
  ]
  node [
    id 8
    label "Medici"
    name "Medici"
    kind "group"
  ]
  node [
    id 9
    label "Pazzi"
    name "Pazzi"
    kind "group"
  ]
  node [
    id 10
    label "Peruzzi"
    name "Peruzzi"
    kind "group"
  ]
  node [
    id 11
    label "Ridolfi"
    name "Ridolfi"
    kind "group"
  ]
  node [
    id 12
    label "Salviati"
    name "Salviati"
    kind "group"
  ]
  node [
    id 13
    label "Strozzi"
    name "Strozzi"
    kind "group"
  ]
  node [
    id 14
    label "Tornabuoni"
    name "Tornabuoni"
    kind "group"
  ]
  edge [
    source 0
    target 8
    key "r1"
    type "tie"
    sign 1
    weight 1.0
    mutual 1
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 1
    target 5
    key "r2"
    type "tie"
    sign 1
    weight 1.0
    mutual 1
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 1
    target 6
    key "r3"
    type "tie"
    sign 1
    weight 1.0
    mutual 1
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 1
    target 8
    key "r4"
    type "tie"
    sign 1
    weight 1.0
    mutual 1
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 2
    target 4
    key "r5"
    type "tie"
    sign 1
    weight 1.0
    mutual 1
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 2
    target 8
    key "r6"
    type "tie"
    sign 1
    weight 1.0
    mutual 1
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 3
    target 6
    key "r7"
    type "tie"
    sign 1
    weight 1.0
    mutual 1
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 3
    target 10
    key "r8"
    type "tie"
    sign 1
    weight 1.0
    mutual 1
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 3
    target 13
    key "r9"
    type "tie"
    sign 1
    weight 1.0
    mutual 1
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 4
    target 10
    key "r10"
    type "tie"
    sign 1
    weight 1.0
    mutual 1
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 4
    target 13
    key "r11"
    type "tie"
    sign 1
    weight 1.0
    mutual 1
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 6
    target 7
    key "r12"
    type "tie"
    sign 1
    weight 1.0
    mutual 1
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 6
    target 14
    key "r13"
    type "tie"
    sign 1
    weight 1.0
    mutual 1
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 8
    target 11
    key "r14"
    type "tie"
    sign 1
    weight 1.0
    mutual 1
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 8
    target 12
    key "r15"
    type "tie"
    sign 1
    weight 1.0
    mutual 1
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 8
    target 14
    key "r16"
    type "tie"
    sign 1
    weight 1.0
    mutual 1
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 9
    target 12
    key "r17"
    type "tie"
    sign 1
    weight 1.0
    mutual 1
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 10
    target 13
    key "r18"
    type "tie"
    sign 1
    weight 1.0
    mutual 1
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 11
    target 13
    key "r19"
    type "tie"
    sign 1
    weight 1.0
    mutual 1
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 11
    target 14
    key "r20"
    type "tie"
    sign 1
    weight 1.0
    mutual 1
    confidence "reported"
    evidence "[]"
  ]
]
