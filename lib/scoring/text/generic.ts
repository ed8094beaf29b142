import { stem } from "./stem";

// Everyday English words. In a catalog of a few dozen capabilities, inverse document frequency
// alone cannot tell that "hours", "phone" or "live" are everyday words while "Slack", "BigQuery"
// and "dashboard" name one thing. So, as an English-usage judgement independent of any catalog:
//   - an everyday word counts at GENERIC_WEIGHT of its catalog weight, matched or missing;
//   - a single everyday word never makes a match on its own (match.ts): "phone" alone is not
//     "phone support", "live" alone is not "live chat", "integration" is not "custom integration";
//   - a single distinctive term can: "Slack alerts" → Slack integration, "dashbord" → dashboards.
// The list is the common core of business English; leadership can always add a specific alias.

export const GENERIC_WEIGHT = 0.35;

const WORDS = `
  time person year way day thing man woman world life hand part child eye place work week case point
  group problem fact number night home room area money story month lot right study book word business
  issue side kind head house friend hour game line end member law car city community name president
  level office door health art war history party result change morning reason research girl guy
  moment air teacher force education
  service support customer client user agent staff people team company product price cost value
  quality data system account report plan process program project rule control access page site web
  website online internet phone call mail letter message note chat talk meeting email live help center
  base list view file form field mode channel option setting tool feature platform solution module
  package market sale order contract deal policy standard custom full free extra new open quick fast
  easy simple smart basic advanced premium single multi self general information detail update
  connect connection integration management manage store record review check test build run set start
  stop close finish issue question answer request response reply document content image text language
  type address location region country local global public private personal direct total daily
  weekly monthly annual real current main key top high low large small long short big good best better
  great little old young important different same own able sure clear whole certain special common
  last next early late main major minor free cheap expensive paid extra additional unlimited limited
  automatic automated manual rate rating score target goal measure track tracking follow show see look
  find search sort filter group share send receive create add remove delete edit copy move save load
  upload download import export sync link join invite sign log login password security safe secure
  protect backup restore install setup configure integrate deliver delivery ship return refund pay
  payment bill invoice charge fee discount offer deal quote buy sell purchase subscription license
  plan trial demo training learn teach course guide manual instruction article post blog news video
  photo picture audio voice sound music color design style brand logo theme template layout screen
  display window button menu tab panel card box table chart graph map calendar schedule event task
  job step stage status state condition version release feature bug fix error problem issue ticket
  case queue priority urgent normal regular usual simple complex easy hard fast slow quick instant
  mobile desktop computer device machine server cloud network software hardware app application tool
  office remote site field engineer developer manager admin owner lead head staff member employee
  worker contractor partner vendor supplier provider seller buyer client consumer shopper visitor
  guest people human person individual family home school student teacher doctor patient
  group department division unit branch region zone area country state city town street
  money dollar euro pound cash card credit debit account bank budget fund finance tax
  sale market trade business industry commerce shop store retail online offline
  analysis insight trend pattern signal alert warning notice notification reminder
  social media news press public community forum network
  answer question reply feedback survey review comment opinion
  process workflow flow routine procedure method approach practice
  history record log archive backup
  hosting host server
  dedicated shared personal private public
  auto assign route routing
  connect connector plugin extension addon
  person people human
`;

export const GENERIC_STEMS: ReadonlySet<string> = new Set(WORDS.trim().split(/\s+/).map(stem));
