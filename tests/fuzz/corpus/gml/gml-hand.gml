# A hand-written GML graph: comments, character references, undirected
# edges, attributes of every kind.
Creator "hand"
graph [
  directed 0
  title "Hand &amp; &quot;GML&quot; &lt;test&gt;"
  description "two lines&#10;of text"
  sources "[{&quot;id&quot;:&quot;s1&quot;,&quot;title&quot;:&quot;An article&quot;}]"
  node [
    id 10
    label "PRK"
    name "&#51312;&#49440; &#x1F600;"  # Hangul and an emoji
    kind "state"
    group "Axis"
    attr_capital "Pyongyang"
    attr_iso_2Dcode "KP"       # the export's encoding of "iso-code"
    attr_native_name "x"       # written by hand: '_' alone stays
    attr_a_BC "kept"           # decodes to a byte that is not UTF-8: kept
    attr_pop 26
    attrjson_tags "[&quot;a&quot;,1,true]"
    degree 3
    graphics [ x 1.5 y -2.0 ]
  ]
  node [
    id 20
    label "RUS"
    name "&#1056;&#1086;&#1089;&#1089;&#1080;&#1103;"
    kind "state"
    attr_area 1.7e7
  ]
  node [
    id 30
    name "It&apos;s a node"
  ]
  edge [
    source 10
    target 20
    key "r1"
    type "alliance"
    confidence "confirmed"
    start 2024
    evidence "[{&quot;source&quot;:&quot;s1&quot;,&quot;note&quot;:&quot;C1&quot;}]"
  ]
  edge [
    source 20
    target 30
    type "arms_transfer"
    sign 1
    weight 0.25
    mutual 0
    label "one way"
    colour "red"
  ]
]
