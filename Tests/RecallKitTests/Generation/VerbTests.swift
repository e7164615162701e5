import Testing

@testable import RecallKit

/// Verb forms every template that turns a verb round relies on: irregular verbs, the silent e,
/// doubled consonants and y to i, both ways.
@Suite struct VerbTests {
  /// Base and past forms of verbs history decks use, chosen to cover each spelling rule.
  static let pairs: [(String, String)] = [
    // Irregular.
    ("have", "had"), ("take", "took"), ("fight", "fought"), ("lead", "led"), ("flee", "fled"),
    ("begin", "began"), ("swear", "swore"), ("withdraw", "withdrew"), ("overrun", "overran"),
    ("lay", "laid"), ("bleed", "bled"), ("set", "set"), ("do", "did"), ("see", "saw"),
    ("seek", "sought"), ("bind", "bound"), ("undergo", "underwent"), ("drink", "drank"),
    // Silent e kept.
    ("seize", "seized"), ("capture", "captured"), ("create", "created"),
    ("negotiate", "negotiated"), ("evacuate", "evacuated"), ("persuade", "persuaded"),
    ("acquire", "acquired"), ("quote", "quoted"), ("intervene", "intervened"),
    ("interfere", "interfered"), ("ignore", "ignored"), ("restore", "restored"),
    ("explore", "explored"), ("store", "stored"), ("declare", "declared"),
    ("unite", "united"), ("invite", "invited"), ("complete", "completed"), ("atone", "atoned"),
    ("change", "changed"), ("challenge", "challenged"), ("plunge", "plunged"),
    ("emerge", "emerged"), ("judge", "judged"), ("cease", "ceased"), ("force", "forced"),
    ("continue", "continued"), ("rescue", "rescued"), ("move", "moved"), ("topple", "toppled"),
    ("handle", "handled"), ("rule", "ruled"), ("exile", "exiled"), ("exhale", "exhaled"),
    ("decide", "decided"), ("invade", "invaded"), ("conclude", "concluded"),
    ("describe", "described"), ("invoke", "invoked"), ("escape", "escaped"),
    ("name", "named"), ("assume", "assumed"), ("welcome", "welcomed"),
    ("combine", "combined"), ("determine", "determined"), ("devote", "devoted"),
    ("execute", "executed"), ("bathe", "bathed"), ("hope", "hoped"), ("agree", "agreed"),
    ("free", "freed"), ("die", "died"), ("guide", "guided"), ("scheme", "schemed"),
    ("massacre", "massacred"), ("besiege", "besieged"), ("ally", "allied"),
    // No e to add.
    ("anchor", "anchored"), ("honour", "honoured"), ("order", "ordered"), ("enter", "entered"),
    ("surrender", "surrendered"), ("conquer", "conquered"), ("gather", "gathered"),
    ("open", "opened"), ("happen", "happened"), ("threaten", "threatened"),
    ("abandon", "abandoned"), ("summon", "summoned"), ("visit", "visited"),
    ("limit", "limited"), ("inherit", "inherited"), ("develop", "developed"),
    ("gallop", "galloped"), ("target", "targeted"), ("pilot", "piloted"),
    ("defeat", "defeated"), ("treat", "treated"), ("retreat", "retreated"),
    ("claim", "claimed"), ("gain", "gained"), ("obtain", "obtained"), ("avoid", "avoided"),
    ("raid", "raided"), ("recruit", "recruited"), ("appear", "appeared"),
    ("repair", "repaired"), ("devour", "devoured"), ("belong", "belonged"),
    ("proceed", "proceeded"), ("succeed", "succeeded"), ("need", "needed"),
    ("sign", "signed"), ("form", "formed"), ("march", "marched"), ("launch", "launched"),
    ("abolish", "abolished"), ("establish", "established"), ("reach", "reached"),
    ("attack", "attacked"), ("fix", "fixed"), ("tax", "taxed"), ("annex", "annexed"),
    ("show", "showed"), ("follow", "followed"), ("obey", "obeyed"), ("play", "played"),
    ("echo", "echoed"), ("kill", "killed"), ("call", "called"), ("pass", "passed"),
    ("curl", "curled"), ("fail", "failed"), ("signal", "signalled"), ("focus", "focused"),
    ("carry", "carried"), ("bury", "buried"), ("deploy", "deployed"),
    // Doubled consonant.
    ("stop", "stopped"), ("plan", "planned"), ("ban", "banned"), ("drop", "dropped"),
    ("ship", "shipped"), ("rob", "robbed"), ("bar", "barred"), ("drag", "dragged"),
    ("occur", "occurred"), ("prefer", "preferred"), ("commit", "committed"),
    ("admit", "admitted"), ("equip", "equipped"), ("control", "controlled"),
    ("patrol", "patrolled"), ("rebel", "rebelled"), ("travel", "travelled"),
    ("kidnap", "kidnapped"), ("quiz", "quizzed"), ("panic", "panicked"),
  ]

  @Test func pastFormsAreSpelledRight() {
    for (base, past) in Self.pairs {
      #expect(Verb.past(of: base) == past, "past of \(base)")
    }
  }

  @Test func baseFormsAreSpelledRight() {
    for (base, past) in Self.pairs where base != "quiz" {
      #expect(Verb.base(ofPast: past) == base, "base of \(past)")
    }
  }

  @Test func punctuationAfterTheVerbIsKept() {
    #expect(Verb.base(ofPast: "anchored,") == "anchor,")
    #expect(Verb.base(ofPast: "fled.") == "flee.")
  }

  @Test func wordsThatAreNotPastFormsAreLeftAlone() {
    for word in ["hundred", "sacred", "red", "bed", "army", "the"] {
      #expect(Verb.base(ofPast: word) == nil, "\(word)")
    }
  }
}
