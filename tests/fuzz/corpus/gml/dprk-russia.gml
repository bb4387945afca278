graph [
  directed 1
  multigraph 1
  title "North Korea enters the war in Ukraine"
  description "Actors and ties around North Korea's reported troop deployment to Russia for the war against Ukraine, as described in Tanguy Besson's article. It covers the Russia-DPRK alignment and what each side gives, China's ambiguous position, the US-Japan-South Korea response and the risk of escalation toward NATO."
  sources "[{&quot;id&quot;:&quot;besson&quot;,&quot;title&quot;:&quot;A Grim Prelude: North Korea Enters Ukraine War&quot;,&quot;author&quot;:&quot;Tanguy Besson&quot;}]"
  node [
    id 0
    label "PRK"
    name "North Korea"
    kind "state"
    group "Russia-DPRK axis"
    attr_capital "Pyongyang"
    attr_iso3 "PRK"
    attr_native__name "&#51312;&#49440;&#48124;&#51452;&#51452;&#51032;&#51064;&#48124;&#44277;&#54868;&#44397;"
  ]
  node [
    id 1
    label "RUS"
    name "Russia"
    kind "state"
    group "Russia-DPRK axis"
    attr_capital "Moscow"
    attr_iso3 "RUS"
    attr_native__name "&#1056;&#1086;&#1089;&#1089;&#1080;&#1103;"
  ]
  node [
    id 2
    label "UKR"
    name "Ukraine"
    kind "state"
    attr_capital "Kyiv"
    attr_iso3 "UKR"
    attr_native__name "&#1059;&#1082;&#1088;&#1072;&#1111;&#1085;&#1072;"
  ]
  node [
    id 3
    label "CHN"
    name "China"
    kind "state"
    attr_capital "Beijing"
    attr_iso3 "CHN"
    attr_native__name "&#20013;&#22269;"
  ]
  node [
    id 4
    label "USA"
    name "United States"
    kind "state"
    group "US alliance system"
    attr_capital "Washington, D.C."
    attr_iso3 "USA"
    attr_native__name "United States of America"
  ]
  node [
    id 5
    label "JPN"
    name "Japan"
    kind "state"
    group "US alliance system"
    attr_capital "Tokyo"
    attr_iso3 "JPN"
    attr_native__name "&#26085;&#26412;"
  ]
  node [
    id 6
    label "KOR"
    name "South Korea"
    kind "state"
    group "US alliance system"
    attr_capital "Seoul"
    attr_iso3 "KOR"
    attr_native__name "&#45824;&#54620;&#48124;&#44397;"
  ]
  node [
    id 7
    label "NATO"
    name "NATO"
    kind "organization"
    attr_full__name "North Atlantic Treaty Organization"
    attr_headquarters "Brussels"
  ]
  edge [
    source 0
    target 1
    key "r1"
    type "alliance"
    sign 1
    weight 0.80000000000000004
    mutual 1
    confidence "confirmed"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Introduction&quot;,&quot;note&quot;:&quot;C03: new military alignment and strategic partnership&quot;},{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Strategic Motives: Kim Jong Un's Calculated Risk&quot;,&quot;note&quot;:&quot;C12, C14: Kim sides with Putin in an anti-Western alliance&quot;},{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;The Beginning of an Axis in Multipolarity?&quot;,&quot;note&quot;:&quot;C39: North Korea and Russia allied against the Western camp&quot;}]"
  ]
  edge [
    source 0
    target 1
    key "r2"
    type "troop_deployment"
    sign 1
    weight 0.84999999999999998
    mutual 0
    confidence "reported"
    label "up to 10,000 reported,&#10;11,000-12,000 estimated;&#10;elements in Kursk"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Introduction&quot;,&quot;note&quot;:&quot;C01, C03: recent dispatch of North Korean troops, propping up Russia's stretched resources&quot;},{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;An Unparalleled Deployment: North Korean Forces in Russia&quot;,&quot;note&quot;:&quot;C04, C05, C08, C11: reports of up to 10,000 troops; US, South Korean and Ukrainian intelligence places elements of them in Kursk; agencies estimate 11,000-12,000 across several parts of Russia; possible offensive, support or logistics roles&quot;},{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;The Beginning of an Axis in Multipolarity?&quot;,&quot;note&quot;:&quot;C39: Kim's active backing of Russia&quot;}]"
  ]
  edge [
    source 1
    target 0
    key "r3"
    type "economic_aid"
    sign 1
    weight 0.73999999999999999
    mutual 0
    confidence "reported"
    label "~$2,000 per soldier; fuel, food?"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Strategic Motives: Kim Jong Un's Calculated Risk&quot;,&quot;note&quot;:&quot;C16, C17: about $2,000 per soldier per South Korean intelligence; fuel and food only possible, terms unknown&quot;}]"
  ]
  edge [
    source 1
    target 0
    key "r4"
    type "training"
    sign 1
    weight 0.73999999999999999
    mutual 0
    confidence "reported"
    label "drone tactics"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;An Unparalleled Deployment: North Korean Forces in Russia&quot;,&quot;note&quot;:&quot;C10: specialised training after arrival, including drones&quot;},{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Strategic Motives: Kim Jong Un's Calculated Risk&quot;,&quot;note&quot;:&quot;C15: combat experience and warfare methods learned&quot;}]"
  ]
  edge [
    source 1
    target 0
    key "r5"
    type "arms_transfer"
    sign 1
    weight 0.29999999999999999
    mutual 0
    confidence "speculative"
    label "ICBM / submarine technology?"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Strategic Motives: Kim Jong Un's Calculated Risk&quot;,&quot;note&quot;:&quot;C18: analysts' suggestion, which the article itself calls very speculative given Russian reluctance; weighed below the reported pay and training&quot;}]"
  ]
  edge [
    source 1
    target 2
    key "r6"
    type "armed_conflict"
    sign -1
    weight 1.0
    mutual 1
    confidence "confirmed"
    start "2022-02-24"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Introduction&quot;,&quot;note&quot;:&quot;C02: ongoing war&quot;},{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;An Unparalleled Deployment: North Korean Forces in Russia&quot;,&quot;note&quot;:&quot;C06: fighting in the Kursk region&quot;}]"
  ]
  edge [
    source 0
    target 2
    key "r7"
    type "armed_conflict"
    sign -1
    weight 0.5
    mutual 1
    confidence "reported"
    label "Kursk front (unverified)"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;An Unparalleled Deployment: North Korean Forces in Russia&quot;,&quot;note&quot;:&quot;C05, C07, C09: deployment near the front; first clashes reported on social media but unverified; Blinken expects active combat. Weighed at half the Russia-Ukraine war, which it joins rather than equals&quot;}]"
  ]
  edge [
    source 3
    target 0
    key "r8"
    type "alliance"
    sign 1
    weight 0.5
    mutual 1
    confidence "confirmed"
    label "traditional ally"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Impact on Regional and Global Stability?&quot;,&quot;note&quot;:&quot;C25, C26, C27: traditionally North Korea's main ally, a reluctant patron whose hold may loosen as Pyongyang turns to Moscow; weighed below the new Russia-North Korea alliance&quot;}]"
  ]
  edge [
    source 3
    target 0
    key "r9"
    type "patronage"
    sign 1
    weight 0.69999999999999996
    mutual 0
    confidence "confirmed"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Impact on Regional and Global Stability?&quot;,&quot;note&quot;:&quot;C26: long-standing provider of basic necessities, a reluctant patron giving aid for strategic leverage&quot;}]"
  ]
  edge [
    source 3
    target 0
    key "r10"
    type "economic_aid"
    sign 1
    weight 0.73999999999999999
    mutual 0
    confidence "confirmed"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Impact on Regional and Global Stability?&quot;,&quot;note&quot;:&quot;C26: economic aid and basic necessities&quot;}]"
  ]
  edge [
    source 3
    target 0
    key "r11"
    type "strain"
    sign -1
    weight 0.40000000000000002
    mutual 0
    confidence "confirmed"
    label "wary of losing influence"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Impact on Regional and Global Stability?&quot;,&quot;note&quot;:&quot;C25, C27, C31: China fears losing influence over Pyongyang; its turn to Moscow may loosen Beijing's hold, and an emboldened North Korea may act in ways China cannot restrain&quot;}]"
  ]
  edge [
    source 3
    target 1
    key "r12"
    type "trade"
    sign 1
    weight 0.64000000000000001
    mutual 0
    confidence "confirmed"
    label "dual-use goods"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Impact on Regional and Global Stability?&quot;,&quot;note&quot;:&quot;C28: dual-use trade despite professed neutrality&quot;}]"
  ]
  edge [
    source 3
    target 1
    key "r13"
    type "tacit_support"
    sign 1
    weight 0.34000000000000002
    mutual 0
    confidence "reported"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Impact on Regional and Global Stability?&quot;,&quot;note&quot;:&quot;C28, C29, C30: author infers tacit support from dual-use trade; no direct military aid&quot;}]"
  ]
  edge [
    source 4
    target 5
    key "r14"
    type "joint_exercise"
    sign 1
    weight 0.73999999999999999
    mutual 1
    confidence "confirmed"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Impact on Regional and Global Stability?&quot;,&quot;note&quot;:&quot;C24: US-Japan-South Korea exercises&quot;}]"
  ]
  edge [
    source 4
    target 6
    key "r15"
    type "joint_exercise"
    sign 1
    weight 0.73999999999999999
    mutual 1
    confidence "confirmed"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Impact on Regional and Global Stability?&quot;,&quot;note&quot;:&quot;C24: US-Japan-South Korea exercises&quot;}]"
  ]
  edge [
    source 5
    target 6
    key "r16"
    type "joint_exercise"
    sign 1
    weight 0.73999999999999999
    mutual 1
    confidence "confirmed"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Impact on Regional and Global Stability?&quot;,&quot;note&quot;:&quot;C24: US-Japan-South Korea exercises&quot;}]"
  ]
  edge [
    source 4
    target 0
    key "r17"
    type "deterrence"
    sign -1
    weight 0.71999999999999997
    mutual 0
    confidence "confirmed"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Impact on Regional and Global Stability?&quot;,&quot;note&quot;:&quot;C24: trilateral exercises to show readiness against North Korea's growing capabilities&quot;},{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;The Beginning of an Axis in Multipolarity?&quot;,&quot;note&quot;:&quot;C41: Washington debating its response to the new axis&quot;}]"
  ]
  edge [
    source 5
    target 0
    key "r18"
    type "deterrence"
    sign -1
    weight 0.71999999999999997
    mutual 0
    confidence "confirmed"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Impact on Regional and Global Stability?&quot;,&quot;note&quot;:&quot;C22, C23, C24: Japan strengthens its defence after the missile test, speeds up defence spending and joins the trilateral exercises&quot;},{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;The Beginning of an Axis in Multipolarity?&quot;,&quot;note&quot;:&quot;C41: Tokyo debating its response to the new axis&quot;}]"
  ]
  edge [
    source 6
    target 0
    key "r19"
    type "deterrence"
    sign -1
    weight 0.71999999999999997
    mutual 0
    confidence "confirmed"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Impact on Regional and Global Stability?&quot;,&quot;note&quot;:&quot;C19, C23, C24: Seoul takes the alliance seriously, speeds up defence spending and joins the trilateral exercises&quot;},{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;The Beginning of an Axis in Multipolarity?&quot;,&quot;note&quot;:&quot;C41: Seoul debating its response to the new axis&quot;}]"
  ]
  edge [
    source 0
    target 6
    key "r20"
    type "hostility"
    sign -1
    weight 0.71999999999999997
    mutual 1
    confidence "confirmed"
    label "tension on the peninsula"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Strategic Motives: Kim Jong Un's Calculated Risk&quot;,&quot;note&quot;:&quot;C15: the combat experience the North gains is expected to matter in any future conflict with the South&quot;},{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Impact on Regional and Global Stability?&quot;,&quot;note&quot;:&quot;C19, C20: Kim's \&quot;principal enemy\&quot; declaration sharpens tension on the peninsula; Seoul treats the North Korea-Russia alliance as a serious matter&quot;}]"
  ]
  edge [
    source 0
    target 6
    key "r21"
    type "threat"
    sign -1
    weight 0.69999999999999996
    mutual 0
    confidence "confirmed"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Strategic Motives: Kim Jong Un's Calculated Risk&quot;,&quot;note&quot;:&quot;C15: combat experience relevant to a conflict with the South&quot;},{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Impact on Regional and Global Stability?&quot;,&quot;note&quot;:&quot;C21, C23: concern in the South; defence spending driven by the threat from the North&quot;}]"
  ]
  edge [
    source 0
    target 5
    key "r22"
    type "threat"
    sign -1
    weight 0.69999999999999996
    mutual 0
    confidence "confirmed"
    label "missile test near Japan"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Impact on Regional and Global Stability?&quot;,&quot;note&quot;:&quot;C22, C23: missile test; Japan raises defence and spending&quot;}]"
  ]
  edge [
    source 0
    target 4
    key "r23"
    type "hostility"
    sign -1
    weight 0.71999999999999997
    mutual 0
    confidence "confirmed"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Strategic Motives: Kim Jong Un's Calculated Risk&quot;,&quot;note&quot;:&quot;C12, C14: alignment against Western powers, above all the US&quot;},{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;The Beginning of an Axis in Multipolarity?&quot;,&quot;note&quot;:&quot;C38: opposed to the US-led world order&quot;}]"
  ]
  edge [
    source 1
    target 4
    key "r24"
    type "hostility"
    sign -1
    weight 0.71999999999999997
    mutual 0
    confidence "confirmed"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Strategic Motives: Kim Jong Un's Calculated Risk&quot;,&quot;note&quot;:&quot;C14: Russia shares an anti-Western position&quot;},{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;The Beginning of an Axis in Multipolarity?&quot;,&quot;note&quot;:&quot;C38, C39: opposed to the US-led order; axis against the Western camp&quot;}]"
  ]
  edge [
    source 7
    target 1
    key "r25"
    type "hostility"
    sign -1
    weight 0.40000000000000002
    mutual 1
    confidence "speculative"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Risk of Escalation: A Proxy to a Larger Conflict?&quot;,&quot;note&quot;:&quot;C33: possible NATO confrontation with the Russia-DPRK axis, only if North Korea officially enters the war&quot;}]"
  ]
  edge [
    source 7
    target 0
    key "r26"
    type "hostility"
    sign -1
    weight 0.40000000000000002
    mutual 1
    confidence "speculative"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Risk of Escalation: A Proxy to a Larger Conflict?&quot;,&quot;note&quot;:&quot;C33: possible NATO confrontation with the Russia-DPRK axis, only if North Korea officially enters the war&quot;}]"
  ]
]
