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