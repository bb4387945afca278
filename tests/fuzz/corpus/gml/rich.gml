graph [
  directed 1
  multigraph 1
  title "Client round trip: &quot;every&quot; kind of field <&amp;>"
  description "Line one&#10;line two&#9;with a tab; &#1050;&#1086;&#1088;&#1077;&#1103; &#51312;&#49440; &#128640;"
  sources "[{&quot;id&quot;:&quot;s1&quot;,&quot;title&quot;:&quot;First source&quot;,&quot;author&quot;:&quot;A. Author&quot;,&quot;published&quot;:&quot;2024-11&quot;,&quot;url&quot;:&quot;https://example.org/a?x=1&amp;y=2&quot;},{&quot;id&quot;:&quot;s.2&quot;,&quot;title&quot;:&quot;&#1042;&#1090;&#1086;&#1088;&#1086;&#1081; &#1080;&#1089;&#1090;&#1086;&#1095;&#1085;&#1080;&#1082;&quot;}]"
  node [
    id 0
    label "PRK"
    name "&#51312;&#49440;&#48124;&#51452;&#51452;&#51032;&#51064;&#48124;&#44277;&#54868;&#44397;"
    kind "state"
    group "Axis"
    attr_ISO_2Dcode "KP"
    attrjson_aliases "[&quot;DPRK&quot;,&quot;North Korea&quot;,&quot;&#48513;&#54620;&quot;]"
    attrjson_coords "{&quot;lat&quot;:39.030000000000001,&quot;lon&quot;:125.75}"
    attrjson_founded "&quot;1948-09-09&quot;"
    attr_motto "&#44053;&#49457;&#45824;&#44397; &#128640;&#10;line&#9;tab"
    attrjson_note "null"
    attr_population 26000000.0
    attrjson_un__member "true"
    attr__E5_90_8D_E5_89_8D "&#48513;&#51312;&#49440;"
  ]
  node [
    id 1
    label "RUS"
    name "&#1056;&#1086;&#1089;&#1089;&#1080;&#1103;"
    kind "state"
    group "Axis"
    attr_ISO_2Dcode "RU"
    attr_capital "&#1052;&#1086;&#1089;&#1082;&#1074;&#1072;"
    attrjson_founded "1991"
    attr_population 143.80000000000001
    attrjson_un__member "false"
  ]
  node [
    id 2
    label "UKR"
    name "&#1059;&#1082;&#1088;&#1072;&#1111;&#1085;&#1072;"
    kind "state"
    group "West &amp; co <b>"
    attr_population 0.5
    attrjson_un__member "true"
  ]
  node [
    id 3
    label "wagner_grp"
    name "Wagner &quot;PMC&quot;"
    kind "group"
  ]
  node [
    id 4
    label "kim-jong.un"
    name "Kim Jong Un"
    kind "person"
    attrjson_aliases "[]"
    attrjson_coords "{}"
  ]
  node [
    id 5
    label "UN"
    name "UN"
    kind "organization"
  ]
  node [
    id 6
    label "X_1"
    name "Back\slash 'quote' &amp;amp;"
    kind "other"
    attr_capital ""
  ]
  edge [
    source 0
    target 1
    key "r1"
    type "troop_deployment"
    sign 1
    weight 0.84999999999999998
    mutual 0
    confidence "confirmed"
    start "2024-10"
    end "2025"
    label "~11,000 &quot;troops&quot; <Kursk>"
    evidence "[{&quot;source&quot;:&quot;s1&quot;,&quot;section&quot;:&quot;Deployment&quot;,&quot;note&quot;:&quot;C1 &amp; C2&quot;},{&quot;source&quot;:&quot;s.2&quot;}]"
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
    start "2024-06-19"
    evidence "[]"
  ]
  edge [
    source 0
    target 1
    key "r3"
    type "arms_transfer"
    sign 1
    weight 0.90000000000000002
    mutual 0
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 1
    target 0
    key "r4"
    type "arms_transfer"
    sign 1
    weight 0.82999999999999996
    mutual 0
    confidence "speculative"
    evidence "[{&quot;source&quot;:&quot;s1&quot;,&quot;note&quot;:&quot;&#1090;&#1077;&#1093;&#1085;&#1080;&#1082;&#1072;&quot;}]"
  ]
  edge [
    source 1
    target 2
    key "r5"
    type "armed_conflict"
    sign -1
    weight 1.0
    mutual 1
    confidence "reported"
    start "2022-02-24"
    evidence "[]"
  ]
  edge [
    source 1
    target 2
    key "r6"
    type "armed_conflict"
    sign -1
    weight 1.0
    mutual 1
    confidence "reported"
    start "2014"
    end "2015-02"
    evidence "[]"
  ]
  edge [
    source 3
    target 1
    key "r7"
    type "mercenary_service"
    sign 1
    weight 0.55000000000000004
    mutual 1
    confidence "reported"
    label "contract"
    evidence "[]"
  ]
  edge [
    source 4
    target 0
    key "r8"
    type "leads"
    sign 1
    weight 1.0
    mutual 0
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 5
    target 0
    key "r9"
    type "sanctions"
    sign -1
    weight 0.123456789012345
    mutual 0
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 5
    target 5
    key "r10"
    type "self_review"
    sign -1
    weight 0.5
    mutual 0
    confidence "reported"
    evidence "[]"
  ]
  edge [
    source 6
    target 2
    key "r11"
    type "rhetoric"
    sign -1
    weight 0.5
    mutual 0
    confidence "speculative"
    label ""
    evidence "[]"
  ]
]
