graph [
  directed 1
  node [ id 1 label "A" kind "state" ]
  node [ id 2 label "B" kind "empire" ]
  edge [ source 1 target 2 type "alliance" weight 1.5 ]
  edge [
    source 2
    target 1
    type "rivalry"
  ]
]
