import { describe, expect, it } from "vitest";
import { matchText } from "@/lib/scoring";
import { compileStrategy } from "@/lib/scoring/compile";
import { tokenize } from "@/lib/scoring/text/tokenize";
import { americanise, stem } from "@/lib/scoring/text/stem";
import { isPlausibleTypo } from "@/lib/scoring/text/typo";
import { testStrategy } from "./fixtures";

const strategy = testStrategy();
const norm = (w: string) => stem(americanise(w));
/** Ids of what `text` affirms, strongest first. */
const affirmed = (text: string) => matchText(text, strategy).filter((m) => !m.negated).map((m) => m.id);
const negated = (text: string) => matchText(text, strategy).filter((m) => m.negated).map((m) => m.id);
/** `text` rules out exactly `ids` and affirms nothing. */
const rulesOut = (text: string, ids: string[]) => {
  expect(affirmed(text), text).toEqual([]);
  expect(negated(text), text).toEqual(ids);
};

describe("normalisation", () => {
  it("folds inflections onto one stem", () => {
    expect(new Set(["ticket", "tickets", "ticketing"].map(norm)).size).toBe(1);
    expect(new Set(["price", "prices", "pricing", "priced"].map(norm)).size).toBe(1);
    expect(new Set(["automatic", "automatically", "automation", "automated"].map(norm)).size).toBe(1);
    expect(new Set(["reply", "replies", "replied"].map(norm)).size).toBe(1);
  });

  it("folds British and American spelling", () => {
    expect(new Set(["optimise", "optimisation", "optimization", "optimize", "optimised"].map(norm)).size).toBe(1);
    expect(norm("localisation")).toBe(norm("localization"));
    expect(norm("colour")).toBe(norm("color"));
    expect(norm("centre")).toBe(norm("center"));
    expect(norm("labelling")).toBe(norm("labeling"));
    expect(norm("catalogue")).toBe(norm("catalog"));
    expect(norm("customised")).toBe(norm("customized"));
  });

  it("keeps words apart that only look alike", () => {
    expect(norm("customer")).not.toBe(norm("custom"));
    expect(norm("premise")).not.toBe(norm("promise"));
    expect(americanise("enterprise")).toBe("enterprise");
    expect(americanise("promise")).toBe("promise");
    expect(norm("status")).toBe("status");
    expect(norm("ios")).toBe("ios");
  });
});

describe("reading a text (tokenize)", () => {
  // The scanner reads plain ASCII as it is, folding case, and reads a text a second time only for
  // built-in expressions and compounds; these pin down both paths and the non-ASCII one.
  const vocab = compileStrategy(strategy).vocabulary;
  const read = (text: string) => tokenize(text, vocab).map((t) => `${t.raw}:${t.stem}${t.negated ? "!" : ""}`);

  it("folds case without changing what it reads", () => {
    expect(read("SSO and MFA for the EU")).toEqual(["sso:sso", "mfa:2fa", "eu:eu"]);
    expect(read("sso and mfa for the eu")).toEqual(read("SSO and MFA for the EU"));
  });

  it("merges one-word and multi-word expressions anywhere in the text", () => {
    expect(read("We support MFA.")).toEqual(["support:support", "mfa:2fa"]);
    expect(read("Hosted in Europe")).toEqual(["hosted:host", "europe:eu"]);
    expect(read("round the clock support")).toEqual(["round the clock:247", "support:support"]);
    expect(read("On prem hosting on Monday")).toEqual(["on prem:onprem", "hosting:host", "monday:monday"]);
  });

  it("joins compounds however they are written", () => {
    expect(read("e-mail, e mail and EMAIL").map((t) => t.split(":")[1])).toEqual(["email", "email", "email"]);
    expect(read("self-hosted or self hosted").map((t) => t.split(":")[1])).toEqual(["selfhost", "selfhost"]);
  });

  it("reads accents, curly apostrophes, numbers and long words", () => {
    expect(read("Café for the naïve résumé")).toEqual(["cafe:caf", "naive:naiv", "resume:resum"]);
    expect(read("We won’t offer on-premise")).toEqual(["on premise:onprem!"]);
    expect(read("We won't charge for onboarding")).toEqual(["charge:charg", "onboarding:onboard"]);
    expect(read("99.9% uptime")).toEqual(["99.9:99.9", "uptime:uptim"]);
    expect(read("internationalisation and internationalsation")).toEqual(["internationalisation:international", "internationalsation:internationalsat"]);
  });

  it("reads curly quotes and apostrophes on the quick scan exactly as the normalising one does", () => {
    // A no-break space is read as a space, but only after normalising: appending one forces that path.
    const normalised = (text: string) => read(`${text}\u00a0`);
    const texts = [
      "We don’t offer on-premise hosting", "We won’t charge for “custom development”", "The customer’s ‘SSO’ and MFA",
      "They’ll get 24/7 phone support; we’re not doing white-labelling", "Rock ’n’ roll: ‘self hosted’ isn’t happening",
      "“No on-premise hosting” — phone support", "It’s the agents’ inbox", "‘", "”We’d”", "can’t’t", "o’clock e’mail",
    ];
    for (const text of texts) {
      expect(read(text), text).toEqual(normalised(text));
      expect(read(text.replace(/[\u2018\u2019]/g, "'")), text).toEqual(read(text));
    }
  });
});

describe("typo tolerance", () => {
  it("accepts one slip of the finger", () => {
    expect(isPlausibleTypo("dashbaord", "dashboard")).toBe(true); // swapped letters
    expect(isPlausibleTypo("knowlege", "knowledge")).toBe(true); // dropped letter
    expect(isPlausibleTypo("intergration", "integration")).toBe(true); // extra letter
    expect(isPlausibleTypo("salesforse", "salesforce")).toBe(true); // c/s sound alike
    expect(isPlausibleTypo("exporr", "export")).toBe(true); // neighbouring keys
  });

  it("rejects near-misses that are other words", () => {
    expect(isPlausibleTypo("expert", "export")).toBe(false);
    expect(isPlausibleTypo("audio", "audit")).toBe(false);
    expect(isPlausibleTypo("postal", "portal")).toBe(false);
    expect(isPlausibleTypo("promise", "premise")).toBe(false);
    expect(isPlausibleTypo("iphone", "phone")).toBe(false);
    expect(isPlausibleTypo("chart", "chat")).toBe(false); // too short to guess
  });
});

describe("matchText", () => {
  it("matches the brief's example: a rep's words against a not-offered capability", () => {
    const [m] = matchText("our AI will set prices automatically", strategy);
    expect(m).toMatchObject({ kind: "capability", id: "cap-pricing", status: "not_offered", negated: false });
    expect(m?.matchedWords).toEqual(["ai", "prices"]);
    expect(m?.strength).toBeGreaterThan(0.5);
    expect(m?.strength).toBeLessThanOrEqual(1);
  });

  it("ignores case, word order, stop words and inflection", () => {
    expect(affirmed("They want to SYNC their contacts with SALESFORCE")).toEqual(["cap-sfdc"]);
    expect(affirmed("tickets from the shared inboxes")).toContain("cap-email");
    expect(affirmed("dashboards for reporting")).toEqual(["cap-dash"]);
  });

  it("reads hyphens and compounds both ways", () => {
    expect(affirmed("E-mail ticketing for two brands")).toEqual(["cap-email"]);
    expect(affirmed("a self hosted install")).toEqual(["g-onprem"]);
    expect(affirmed("a selfhosted install")).toEqual(["g-onprem"]);
    expect(affirmed("whitelabel the app")).toEqual(["g-white"]);
    expect(affirmed("white label the app")).toEqual(["g-white"]);
    expect(affirmed("24/7 phone support")).toEqual(["g-phone"]);
    expect(affirmed("phone support round the clock")).toEqual(["g-phone"]);
  });

  it("reads British and American spellings alike", () => {
    expect(affirmed("localization for Spanish")).toEqual(["cap-l10n"]);
    expect(affirmed("machine-learning price optimization")).toEqual(["cap-pricing"]);
  });

  it("tolerates typos on longer words and reports the words as written", () => {
    const [m] = matchText("Salesforse intergration", strategy);
    expect(m).toMatchObject({ id: "cap-sfdc", matchedWords: ["salesforse", "intergration"] });
    expect(m?.strength).toBeLessThan(1); // typos count a little less than exact words
    expect(affirmed("custom dashbaords")).toEqual(["cap-dash"]);
  });

  it("does not match near-misses that mean something else", () => {
    expect(affirmed("an expert review")).toEqual([]);
    expect(affirmed("audio recordings of calls")).not.toContain("cap-audit");
    expect(affirmed("postal address validation")).not.toContain("cap-portal");
    expect(affirmed("iPhone app")).not.toContain("g-phone");
    expect(affirmed("a customer success manager")).not.toContain("g-custom");
  });

  it("does not let one everyday word stand for a whole capability", () => {
    expect(affirmed("we will call them weekly")).toEqual([]);
    expect(affirmed("a phone number for billing")).not.toContain("g-phone");
    expect(affirmed("integration with HubSpot")).toEqual([]);
  });

  it("treats negated promises as ruling the thing out, not promising it", () => {
    expect(affirmed("We will NOT offer on-premise hosting")).toEqual([]);
    expect(negated("We will NOT offer on-premise hosting")).toEqual(["g-onprem"]);
    expect(affirmed("no custom development, they use the API")).toEqual([]);
    expect(negated("no custom development, they use the API")).toEqual(["g-custom"]);
    expect(affirmed("we don't do white-labelling")).toEqual([]);
    expect(affirmed("without custom code")).toEqual([]);
  });

  it("keeps a quoted thing inside the negation before it, whatever the quotes", () => {
    for (const text of ['We do not offer "on-premise hosting"', "We do not offer “on-premise hosting”", "We don’t offer ‘on-premise hosting’", "We will not do 'white-labelling'"]) {
      expect(affirmed(text), text).toEqual([]);
      expect(negated(text), text).not.toEqual([]);
    }
    expect(affirmed('We do not offer "on-premise hosting", but a "shared inbox"')).toEqual(["cap-email"]);
  });

  it("ends a negation at the clause, so what follows is still promised", () => {
    expect(affirmed("not self-hosted, but a shared inbox")).toEqual(["cap-email"]);
    expect(affirmed("no on-premise hosting; Salesforce sync instead")).toEqual(["cap-sfdc"]);
  });

  it("ends a negation at a line break, a dash or a bullet, so the next item is still promised", () => {
    for (const text of [
      "No on-premise hosting\nPhone support for the rollout",
      "No on-premise hosting\r\n- phone support for the rollout",
      "No on-premise hosting - phone support for the rollout",
      "No on-premise hosting -- phone support for the rollout",
      "No on-premise hosting — phone support for the rollout",
      "No on-premise hosting–phone support for the rollout",
      "No on-premise hosting • phone support for the rollout",
      "No on-premise hosting… phone support for the rollout",
    ]) {
      expect(affirmed(text), text).toEqual(["g-phone"]);
      expect(negated(text), text).toEqual(["g-onprem"]);
    }
    // A hyphen inside or against a word still joins or reads as before.
    expect(negated("no on-premise, self-hosted or on -premise hosting")).toEqual(["g-onprem"]);
    expect(affirmed("24-7 phone support")).toEqual(affirmed("24/7 phone support"));
  });

  it("reads a negation at the end of a clause as ruling out what came before it", () => {
    for (const text of [
      "On-premise hosting is not included",
      "On-premise hosting was declined",
      "On-premise hosting isn't something we do",
      "On-premise hosting is not possible",
      "Told them on-premise hosting is not an option",
    ]) {
      rulesOut(text, ["g-onprem"]);
    }
    expect(affirmed("On-premise hosting is not included, but phone support is")).toEqual(["g-phone"]);
    // Not past a relative pronoun, not "instead"/"rather", not "not yet" (when, not whether), not a price.
    expect(affirmed("Phone support which their last vendor did not offer")).toEqual(["g-phone"]);
    expect(affirmed("no on-premise hosting; Salesforce sync instead")).toEqual(["cap-sfdc"]);
    expect(affirmed("Salesforce sync is not yet live but promised for March")).toEqual(["cap-sfdc"]);
    expect(affirmed("Custom development, and we won't charge for it")).toEqual(["g-custom"]);
  });

  it("reads a clause that is only a 'no' as answering the clause before it", () => {
    for (const text of ["They wanted on-premise hosting, we said no", "On-premise hosting: no", "On-premise hosting? Not possible.", "Self-hosted - not an option"]) {
      rulesOut(text, ["g-onprem"]);
    }
    // Only the clause just before, and only when the "no" clause says nothing else.
    expect(affirmed("Phone support. On-premise hosting: no")).toEqual(["g-phone"]);
    expect(affirmed("On-premise hosting, no extra fee")).toEqual(["g-onprem"]);
  });

  it("does not read set phrases like 'no problem' or 'not just' as negations", () => {
    for (const text of ["No problem we can host it on-premise", "Not a problem to host it on-premise", "No doubt we will host it on-premise", "No later than March we host it on-premise"]) {
      expect(affirmed(text), text).toEqual(["g-onprem"]);
    }
    expect(affirmed("Not just phone support, a self-hosted install too")).toEqual(["g-phone", "g-onprem"]);
    expect(negated("We no longer offer on-premise hosting")).toEqual(["g-onprem"]);
  });

  it("reads 'won't charge for X' as promising X for free", () => {
    expect(affirmed("we won't charge for the custom development")).toEqual(["g-custom"]);
  });

  it("returns the same answer every time", () => {
    const text = "Salesforce sync, custom code and an AI chatbot";
    expect(matchText(text, strategy)).toEqual(matchText(text, strategy));
    expect(matchText(text, structuredClone(strategy))).toEqual(matchText(text, strategy));
  });

  it("counts a word written twice once, and prefers the word to its typo", () => {
    const words = (text: string) => matchText(text, strategy).map((m) => [m.id, m.via, m.matchedWords.join(" "), m.strength]);
    // A typo first, then the word itself (the slot-by-slot path), and the other way round.
    expect(words("custom dashbaords, then custom dashboards")).toEqual([["cap-dash", "Custom dashboards", "custom dashboards", 1]]);
    expect(words("custom dashboards, then custom dashbaords")).toEqual([["cap-dash", "Custom dashboards", "custom dashboards", 1]]);
    expect(words("dashboards and dashboards for reporting")).toEqual([["cap-dash", "reporting dashboards", "dashboards reporting", 1]]);
  });

  it("reports both a capability and a guardrail hit in one promise, however long", () => {
    expect(affirmed("custom code to extend the Salesforce sync").sort()).toEqual(["cap-sfdc", "g-custom"]);
    const filler = Array.from({ length: 40 }, (_, i) => `word${i}`).join(" ");
    expect(affirmed(`${filler} custom code to extend the Salesforce sync ${filler}`).sort()).toEqual(["cap-sfdc", "g-custom"]);
  });
});

describe("regional words", () => {
  it("reads a shopping cart as a shopping basket", () => {
    const catalog = testStrategy({
      capabilities: [{ id: "cap-basket", name: "Abandoned basket e-mails", description: "", aliases: ["checkout reminders"], status: "available", expectedDate: null }],
    });
    const ids = (text: string) => matchText(text, catalog).filter((m) => !m.negated).map((m) => m.id);
    expect(ids("An abandoned cart e-mail")).toEqual(["cap-basket"]);
    expect(ids("abandoned carts")).toEqual(["cap-basket"]);
    expect(ids("a cart for the golf course")).toEqual([]);
  });
});
