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
    label "~11,000-12,000 troops (Kursk)"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Introduction&quot;,&quot;note&quot;:&quot;C01: recent dispatch of North Korean troops&quot;},{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;An Unparalleled Deployment: North Korean Forces in Russia&quot;,&quot;note&quot;:&quot;C04, C05, C08: report of up to 10,000; US/ROK/Ukrainian intelligence on Kursk; agency estimates of 11,000-12,000&quot;}]"
  ]
  edge [
    source 0
    target 1
    key "r3"
    type "military_support"
    sign 1
    weight 0.82999999999999996
    mutual 0
    confidence "reported"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Introduction&quot;,&quot;note&quot;:&quot;C03: involvement props up Russia's stretched resources&quot;},{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;An Unparalleled Deployment: North Korean Forces in Russia&quot;,&quot;note&quot;:&quot;C04, C11: troops could serve in offensive, support or logistics roles&quot;},{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;The Beginning of an Axis in Multipolarity?&quot;,&quot;note&quot;:&quot;C39: Kim's active backing of Russia&quot;}]"
  ]
  edge [
    source 1
    target 0
    key "r4"
    type "economic_aid"
    sign 1
    weight 0.73999999999999999
    mutual 0
    confidence "reported"
    label "pay per soldier, fuel, food"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Strategic Motives: Kim Jong Un's Calculated Risk&quot;,&quot;note&quot;:&quot;C16, C17: payment per soldier per South Korean intelligence; fuel and food possible, terms unknown&quot;}]"
  ]
  edge [
    source 1
    target 0
    key "r5"
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
    key "r6"
    type "arms_transfer"
    sign 1
    weight 0.82999999999999996
    mutual 0
    confidence "speculative"
    label "ICBM / submarine technology?"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Strategic Motives: Kim Jong Un's Calculated Risk&quot;,&quot;note&quot;:&quot;C18: analysts' suggestion, called very speculative in the article given Russian reluctance&quot;}]"
  ]
  edge [
    source 1
    target 2
    key "r7"
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
    key "r8"
    type "armed_conflict"
    sign -1
    weight 1.0
    mutual 1
    confidence "reported"
    label "Kursk front"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;An Unparalleled Deployment: North Korean Forces in Russia&quot;,&quot;note&quot;:&quot;C05, C07, C09: deployment near the front; first clashes reported on social media but unverified; Blinken expects active combat&quot;}]"
  ]
  edge [
    source 3
    target 0
    key "r9"
    type "alliance"
    sign 1
    weight 0.80000000000000004
    mutual 1
    confidence "confirmed"
    label "traditional ally"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Impact on Regional and Global Stability?&quot;,&quot;note&quot;:&quot;C25: China described as North Korea's traditional main ally&quot;}]"
  ]
  edge [
    source 3
    target 0
    key "r10"
    type "patronage"
    sign 1
    weight 0.69999999999999996
    mutual 0
    confidence "confirmed"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Impact on Regional and Global Stability?&quot;,&quot;note&quot;:&quot;C25, C26, C27, C31: reluctant patron, worried about losing influence and control as Pyongyang turns to Moscow&quot;}]"
  ]
  edge [
    source 3
    target 0
    key "r11"
    type "economic_aid"
    sign 1
    weight 0.73999999999999999
    mutual 0
    confidence "confirmed"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Impact on Regional and Global Stability?&quot;,&quot;note&quot;:&quot;C26: economic aid and basic necessities&quot;}]"
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
    source 0
    target 6
    key "r17"
    type "hostility"
    sign -1
    weight 0.71999999999999997
    mutual 0
    confidence "confirmed"
    label "&#8220;principal enemy&#8221;"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Impact on Regional and Global Stability?&quot;,&quot;note&quot;:&quot;C20: Kim's declaration; one-sided, so not mutual&quot;}]"
  ]
  edge [
    source 0
    target 6
    key "r18"
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
    key "r19"
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
    key "r20"
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
    key "r21"
    type "hostility"
    sign -1
    weight 0.71999999999999997
    mutual 0
    confidence "confirmed"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Strategic Motives: Kim Jong Un's Calculated Risk&quot;,&quot;note&quot;:&quot;C14: Russia shares an anti-Western position&quot;},{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;The Beginning of an Axis in Multipolarity?&quot;,&quot;note&quot;:&quot;C38, C39: opposed to the US-led order; axis against the Western camp&quot;}]"
  ]
  edge [
    source 4
    target 0
    key "r22"
    type "sanctions"
    sign -1
    weight 0.80000000000000004
    mutual 0
    confidence "reported"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Strategic Motives: Kim Jong Un's Calculated Risk&quot;,&quot;note&quot;:&quot;C13: the article says only that North Korea faces economic sanctions and isolation over its nuclear program and names no sanctioning state; attributing them to the US is an analyst mapping&quot;}]"
  ]
  edge [
    source 5
    target 0
    key "r23"
    type "sanctions"
    sign -1
    weight 0.80000000000000004
    mutual 0
    confidence "reported"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Strategic Motives: Kim Jong Un's Calculated Risk&quot;,&quot;note&quot;:&quot;C13: the article says only that North Korea faces economic sanctions and isolation over its nuclear program and names no sanctioning state; attributing them to Japan is an analyst mapping&quot;}]"
  ]
  edge [
    source 6
    target 0
    key "r24"
    type "sanctions"
    sign -1
    weight 0.80000000000000004
    mutual 0
    confidence "reported"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Strategic Motives: Kim Jong Un's Calculated Risk&quot;,&quot;note&quot;:&quot;C13: the article says only that North Korea faces economic sanctions and isolation over its nuclear program and names no sanctioning state; attributing them to South Korea is an analyst mapping&quot;}]"
  ]
  edge [
    source 7
    target 1
    key "r25"
    type "hostility"
    sign -1
    weight 0.71999999999999997
    mutual 1
    confidence "speculative"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Risk of Escalation: A Proxy to a Larger Conflict?&quot;,&quot;note&quot;:&quot;C33: possible NATO confrontation with the Russia-DPRK axis if North Korea officially enters the war&quot;}]"
  ]
  edge [
    source 7
    target 0
    key "r26"
    type "hostility"
    sign -1
    weight 0.71999999999999997
    mutual 1
    confidence "speculative"
    evidence "[{&quot;source&quot;:&quot;besson&quot;,&quot;section&quot;:&quot;Risk of Escalation: A Proxy to a Larger Conflict?&quot;,&quot;note&quot;:&quot;C33: possible NATO confrontation with the Russia-DPRK axis if North Korea officially enters the war&quot;}]"
  ]
]
