graph [
  directed 1
  node [ id 1 label "A" ]
  node [ id 2 label "B" ]
  edge [ source 1 target 2 type "alliance" weight 0.5 ]
  edge [ source 2 target 3 ]
]
