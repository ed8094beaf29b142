// Word lists the matcher relies on. Kept small and readable on purpose: every entry is a decision a
// reviewer can check, unlike the weights of a learned model (see ADR 0004).

const set = (words: string) => new Set(words.trim().split(/\s+/));

/**
 * Words that carry no meaning for "what was promised": function words, and the verbs reps wrap
 * promises in ("we will provide", "they get", "agreed to include"). Checked on the lower-cased word
 * before stemming.
 */
export const STOP_WORDS = set(`
  a an the and or but nor of to in on at by for with from into onto over via per as than then so
  through across between among against along upon toward towards under behind beyond throughout
  is are was were be been being am will would shall should can could may might must do does did done
  have has had having we our ours us you your yours they them their theirs he she it its his her him
  i me my mine this that these those there here what which who whom whose when where why how
  all any each every some such too very also just only even up down out off about after before during
  until within if because while both either etc plus more most other same else really quite
  get gets got getting give gives gave given giving provide provides provided providing
  offer offers offered offering include includes included including promise promised promising
  commit committed agree agreed ensure ensured make makes made let lets need needs needed want wants
  wanted like able use uses using used allow allows allowed enable enables enabled
  told tell tells say said know knows knew understand understands understood think thought mean means
  sure yes ok okay please thanks thank new whole full day days week weeks month months year years
  first right way thing things lot lots kind sort one everything anything something nothing
  themselves
`);

/** Words that open a negated stretch of text: "we will NOT offer on-premise hosting". */
export const NEGATION_CUES = set(`
  not no never without none nor neither cannot cant dont doesnt didnt wont isnt arent wasnt werent
  shouldnt wouldnt couldnt havent hasnt exclude excludes excluding excluded except decline declined
  refuse refused unable instead rather
`);

/** After a cue, words that say the thing is absent without adding anything: "SSO is not possible". */
export const ABSENCE_WORDS = set(`possible feasible available supported allowed permitted planned option scope`);

/**
 * Right after a cue (stop words between allowed), these make a set phrase that negates nothing:
 * "no problem, we will add it", "not a problem", "no doubt", "no later than March", "not just SSO",
 * and "not yet", which is about when, not whether.
 */
export const PSEUDO_NEGATIONS = set(`problem problems issue issues doubt doubts matter worries worry later question least just merely simply yet`);

/** Cues that only negate what follows them: "instead of X" rules X out, "X instead" offers it. */
export const FORWARD_CUES = set(`instead rather`);

/**
 * After a negation cue, these words mean the promise is about money, not about withholding the thing:
 * "we won't charge for custom development" still promises custom development.
 */
export const PRICE_WORDS = set(`charge charged charging bill billed billing cost costs pay paid invoice invoiced fee fees`);

/** Relative pronouns: a negation after one is about the clause it opens (tokenize.ts writeToken). */
export const RELATIVE_WORDS = set(`which that who whom whose`);

/** Words that close a negated stretch: "not on-premise, but hosted in the EU". */
export const SCOPE_BREAKERS = set(`but however although though yet whereas while whilst only`);

/**
 * Multi-word expressions reps write for one thing; each maps to one canonical word. Matching runs
 * on canonical words, so "round the clock", "24/7" and "24x7" all meet in the same place.
 */
export const BUILTIN_PHRASES: ReadonlyArray<readonly [string, string]> = [
  ["24 7", "247"],
  ["24 x 7", "247"],
  ["24x7", "247"],
  ["round the clock", "247"],
  ["around the clock", "247"],
  ["24 hour", "247"],
  ["24 hours", "247"],
  ["seven days a week", "247"],
  ["artificial intelligence", "ai"],
  ["single sign on", "sso"],
  ["two factor", "2fa"],
  ["multi factor", "2fa"],
  ["mfa", "2fa"],
  ["on premise", "onpremise"],
  ["on premises", "onpremise"],
  ["on prem", "onpremise"],
  ["onprem", "onpremise"],
  ["on site", "onsite"],
  ["e mail", "email"],
  ["white glove", "whiteglove"],
  ["one off", "oneoff"],
  ["no code", "nocode"],
  ["telephone", "phone"],
  ["european union", "eu"],
  ["europe", "eu"],
  ["european", "eu"],
  ["iphone", "ios"],
  // Shopping cart and shopping basket are the same thing on either side of the Atlantic.
  ["cart", "basket"],
  ["carts", "basket"],
  ["ipad", "ios"],
];

/** Words (as stems) that mark custom work or bespoke service in a commitment (rule 5). */
export const CUSTOM_WORK_STEMS = set(`custom bespok tailor dedicat onsit whiteglov oneoff handhold concierg`);

/** Irregular forms the suffix rules cannot reach. */
export const IRREGULAR = new Map<string, string>([
  ["built", "build"],
  ["sent", "send"],
  ["paid", "pay"],
  ["sold", "sell"],
  ["written", "write"],
  ["wrote", "write"],
  ["ran", "run"],
  ["bought", "buy"],
  ["taught", "teach"],
  ["brought", "bring"],
  ["kept", "keep"],
  ["spent", "spend"],
  ["held", "hold"],
  ["data", "data"],
]);

/** British spellings whose American form is not reachable by a rule, e.g. doubled consonants. */
export const BRITISH_WORDS = new Map<string, string>([
  ["licence", "license"],
  ["licences", "licenses"],
  ["licenced", "licensed"],
  ["defence", "defense"],
  ["offence", "offense"],
  ["catalogue", "catalog"],
  ["catalogues", "catalogs"],
  ["dialogue", "dialog"],
  ["analogue", "analog"],
  ["programme", "program"],
  ["programmes", "programs"],
  ["cheque", "check"],
  ["enrolment", "enrollment"],
  ["fulfil", "fulfill"],
  ["fulfilment", "fulfillment"],
  ["instalment", "installment"],
  ["grey", "gray"],
  ["jewellery", "jewelry"],
  ["aluminium", "aluminum"],
  ["tyre", "tire"],
]);

/** Double-l British inflections: labelled → labeled, cancelling → canceling. */
export const BRITISH_DOUBLE_L = set(`cancel label model travel level signal channel fuel total counsel dial`);

/** Words ending in -ise that are not the British form of an -ize word. */
export const ISE_EXCEPTIONS = set(`
  advertis advis apprais aris chastis circumcis compris compromis concis demis despis devis disguis
  enterpris excis exercis expertis franchis improvis incis merchandis precis premis prais promis
  revis supervis surmis surpris televis treatis cruis bruis paradis porpois tortois turquois mortis
  repris imprecis cerise valis
`);

/** Plural-looking words whose final s is part of the word. */
export const KEEP_FINAL_S = set(`ios macos ipados alias saas paas iaas canvas atlas bias gas chaos kudos sos always perhaps news`);
