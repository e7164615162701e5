/// The deck `recall new` writes: one fact of every kind and one card of every type, commented, so
/// an author can copy an entry and change it. It must pass `recall check` exactly as written.
public enum StarterDeck {
  /// The starter deck's YAML for a deck `id` and `title`.
  public static func yaml(id: String, title: String) -> String {
    """
    # A new Recall deck. Every entry below is an example: replace it with your own material,
    # then run `recall check \(id)` to find mistakes (each with its line and column) and
    # `recall study \(id)` to learn it. The full format is in Documentation/deck-format.md.

    id: \(DeckWriter.scalar(id))   # names the file and the progress file; keep it once you study
    title: \(DeckWriter.scalar(title))
    subject: History
    language: en
    source:                        # where the facts come from, for attribution
      title: Your source (a book, an article, your notes)
      note: Write the facts in your own words.
    settings:                      # optional; command-line options override these
      desired_retention: 0.9
      new_per_day: 20
      learning_steps: [1m, 10m]

    # Facts: Recall writes the questions. Each id is stable: progress is keyed to it, so keep
    # the id when you reword a fact. `tags` and `note` are optional on every fact.
    facts:
      - id: berlin
        kind: place                # name; optional aliases, type, region, known_for
        name: Berlin
        type: city
        region: Germany
        known_for:                 # whole sentences that name the place; Recall blanks the name
          - The Berlin Wall divided Berlin from 1961 to 1989.

      - id: wall-opens
        kind: event                # what (a clause that can follow a date) and date
        name: the fall of the Berlin Wall
        what: East German border guards opened the crossings in the Berlin Wall
        date: 9 November 1989      # as precise as the source: 1989, November 1989, mid-1989…
        places: [berlin]           # place facts, by id or name
        participants: [East German border guards, East Berliners]
        outcome: Thousands of East Berliners crossed into West Berlin that night.
        tags: [cold-war]

      - id: schabowski
        kind: person               # name and role (a noun phrase)
        name: Günter Schabowski
        role: the East German Politburo spokesman who announced the new travel rules
        affiliation: Socialist Unity Party

      - id: border-troops
        kind: unit                 # a military unit; name, optional nickname, role, size
        name: Border Troops of the GDR
        role: the force that guarded East Germany's borders, including the Berlin Wall

      - id: stasi
        kind: organization         # same fields as a unit
        name: Ministry for State Security
        nickname: Stasi
        role: East Germany's secret police

      - id: wall-years
        kind: quantity             # how_many reads after "How many": How many years …?
        how_many: years the Berlin Wall stood
        value: 28                  # or: over 100, about 3,000, 3,000 to 5,000
        note: From August 1961 to November 1989.

      - id: wall-built
        kind: statement            # one [[key term]]: a fill-in-the-blank question
        text: The Berlin Wall was built in [[1961]].

    # Cards: questions written in full, for what facts cannot say.
    cards:
      - id: opening-day
        type: short                # typed answer; list every accepted form
        prompt: On which day did the Berlin Wall open?
        answer: [9 November 1989, "November 9, 1989"]   # quote text with commas
        fact: wall-opens           # optional: the fact this card belongs with

      - id: who-built-it
        type: choice               # one right answer and three distractors
        prompt: Which state built the Berlin Wall?
        answer: East Germany
        distractors: [West Germany, the Soviet Union, Poland]

      - id: one-night
        type: truefalse            # a statement; answer true or false
        prompt: The whole Berlin Wall was torn down on the night it opened.
        answer: false
        explanation: The crossings opened that night; the Wall came down over the following months.

      - id: reunification
        type: cloze                # a sentence with one [[blank]]; answer lists other forms
        text: Germany was reunified on 3 October [[1990]].

      - id: wall-length
        type: numeric              # a figure; the answer may say about, over or between
        prompt: Roughly how many kilometres long was the Berlin Wall around West Berlin?
        answer: about 155

    """
  }

  /// A readable title from a deck id: "cold-war_europe" → "Cold war europe".
  public static func title(fromID id: String) -> String {
    let words = id.split(whereSeparator: { "-_.".contains($0) }).joined(separator: " ")
    guard let first = words.first else { return id }
    return first.uppercased() + words.dropFirst()
  }
}
