/// One structured fact from a deck: the unit questions are generated from and progress is keyed to.
public struct Fact: Hashable, Sendable, Identifiable {
  /// Stable identifier chosen by the author; card ids derive from it, so it must not change
  /// when the wording does.
  public var id: String
  public var content: Content
  public var tags: [String]
  /// Author's remark (a caveat, a discrepancy in the source); shown with the explanation.
  public var note: String?
  /// Where in the source the fact comes from ("line 12"); shown with the answer so a reader can
  /// look it up. Drafted decks fill it in.
  public var source: String?
  public var location: SourceLocation

  public init(
    id: String, content: Content, tags: [String] = [], note: String? = nil,
    source: String? = nil, location: SourceLocation
  ) {
    self.id = id
    self.content = content
    self.tags = tags
    self.note = note
    self.source = source
    self.location = location
  }

  /// The kind name as written in the deck file.
  public var kind: Kind { content.kind }

  /// The fact kinds a deck may declare.
  public enum Kind: String, Hashable, Sendable, CaseIterable, Codable {
    case event, person, unit, organization, place, quantity, statement
  }

  /// What the fact says, shaped by its kind.
  /// Indirect, so each fact stores only its own kind's fields, not room for the largest.
  public indirect enum Content: Hashable, Sendable {
    case event(Event)
    case person(Person)
    /// `unit` and `organization` share a shape; the kind keeps the author's word.
    case group(Group)
    case place(Place)
    case quantity(Quantity)
    case statement(Statement)

    public var kind: Kind {
      switch self {
      case .event: .event
      case .person: .person
      case .group(let group): group.isUnit ? .unit : .organization
      case .place: .place
      case .quantity: .quantity
      case .statement: .statement
      }
    }
  }

  /// Something that happened, usually at a time.
  public struct Event: Hashable, Sendable {
    /// A proper name when the event has one ("the Battle of Mazhiq").
    public var name: String?
    /// What happened, as a past-tense clause that can follow a date: "the KLA captured Zhvillidove".
    public var what: String
    /// When it happened; nil when the source gives no date, so no question asks "When…?".
    public var date: HistoricalDate?
    /// When it was planned for (an attack set for a day, a coronation postponed), which the
    /// source distinguishes from when, or whether, it happened.
    public var plannedDate: HistoricalDate?
    /// The time of day the source gives ("at 11:30").
    public var time: TimeOfDay?
    /// How long it lasted ("about 3 months").
    public var duration: TimeSpan?
    /// Ids of place facts where it happened.
    public var places: [String]
    /// The places are examples ("villages such as …"), not the whole list: another place may
    /// be true too, so no statement says a place is not among them.
    public var placesAreExamples: Bool
    /// Sides or participants, as written.
    public var participants: [String]
    /// The participants are examples ("individuals including …"), not the whole list.
    public var participantsAreExamples: Bool
    /// What came of it, as a sentence.
    public var outcome: String?
    /// Losses, as a sentence.
    public var casualties: String?

    public init(
      name: String? = nil, what: String, date: HistoricalDate?, plannedDate: HistoricalDate? = nil,
      time: TimeOfDay? = nil, duration: TimeSpan? = nil, places: [String] = [],
      placesAreExamples: Bool = false, participants: [String] = [],
      participantsAreExamples: Bool = false, outcome: String? = nil, casualties: String? = nil
    ) {
      self.name = name
      self.what = what
      self.date = date
      self.plannedDate = plannedDate
      self.time = time
      self.duration = duration
      self.places = places
      self.placesAreExamples = placesAreExamples
      self.participants = participants
      self.participantsAreExamples = participantsAreExamples
      self.outcome = outcome
      self.casualties = casualties
    }
  }

  /// A named person.
  public struct Person: Hashable, Sendable {
    public var name: String
    /// Other names the person is known by (each gets its own "By what other name…?" question);
    /// accepted as answers.
    public var aliases: [String]
    /// What the person was or did, as a noun phrase: "a former MUP commander who trained recruits".
    public var role: String
    public var affiliation: String?
    /// A title written before the name ("President", "Duke of Wellington"); "President Thaçi"
    /// and the title alone where it names one person are accepted, never asked as a name.
    public var title: String?
    /// A nickname, apart from the spellings in `aliases` ("the Iron Duke").
    public var nickname: String?
    /// Other forms accepted as answers that make no question (romanisations, short forms).
    public var acceptedAnswers: [String]
    public var born: HistoricalDate?
    public var died: HistoricalDate?

    public init(
      name: String, aliases: [String] = [], role: String, affiliation: String? = nil,
      title: String? = nil, nickname: String? = nil, acceptedAnswers: [String] = [],
      born: HistoricalDate? = nil, died: HistoricalDate? = nil
    ) {
      self.name = name
      self.aliases = aliases
      self.role = role
      self.affiliation = affiliation
      self.title = title
      self.nickname = nickname
      self.acceptedAnswers = acceptedAnswers
      self.born = born
      self.died = died
    }
  }

  /// A military unit or an organization.
  public struct Group: Hashable, Sendable {
    public var isUnit: Bool
    /// The group's name; for a group the source never names, its role (see `isNamed`).
    public var name: String
    /// False when the source describes the group without naming it: no question asks for its
    /// name.
    public var isNamed: Bool
    /// What sort of body it is ("army", "brigade", "school", "mission", "party"), so options
    /// for its name are groups of the same sort.
    public var type: String?
    /// Other forms accepted as answers that make no question.
    public var acceptedAnswers: [String]
    public var nickname: String?
    public var aliases: [String]
    /// What the group was or did, as a noun phrase.
    public var role: String?
    public var affiliation: String?
    /// How many members, when the source says.
    public var size: NumberValue?
    /// What `size` counts ("fighters"); defaults to "members".
    public var sizeUnit: String?

    public init(
      isUnit: Bool, name: String, nickname: String? = nil, aliases: [String] = [],
      role: String? = nil, affiliation: String? = nil, size: NumberValue? = nil,
      sizeUnit: String? = nil, isNamed: Bool = true, type: String? = nil,
      acceptedAnswers: [String] = []
    ) {
      self.isUnit = isUnit
      self.name = name
      self.isNamed = isNamed
      self.type = type
      self.acceptedAnswers = acceptedAnswers
      self.nickname = nickname
      self.aliases = aliases
      self.role = role
      self.affiliation = affiliation
      self.size = size
      self.sizeUnit = sizeUnit
    }
  }

  /// A village, town or region.
  public struct Place: Hashable, Sendable {
    public var name: String
    /// Alternate spellings and names ("Bare" for "Barë"); accepted as answers.
    public var aliases: [String]
    /// "village", "town", "region"…; used in prompts ("Which village…?").
    public var type: String
    /// The larger area it lies in, as written.
    public var region: String?
    /// Sentences that name the place and say what happened there.
    public var knownFor: [String]
    /// Other forms accepted as answers that make no question ("Vučitrn" for "Vushtrria").
    public var acceptedAnswers: [String]

    public init(
      name: String, aliases: [String] = [], type: String = "place", region: String? = nil,
      knownFor: [String] = [], acceptedAnswers: [String] = []
    ) {
      self.acceptedAnswers = acceptedAnswers
      self.name = name
      self.aliases = aliases
      self.type = type
      self.region = region
      self.knownFor = knownFor
    }
  }

  /// A number the source gives.
  public struct Quantity: Hashable, Sendable {
    /// What is counted, as a clause that reads after "How many": "KLA fighters registered with
    /// Brigade 141".
    public var howMany: String
    public var value: NumberValue
    /// The counted thing's unit when it is not implied ("km").
    public var unit: String?
    public var date: HistoricalDate?

    /// The value as a length of time, when `unit` is one ("weeks"): graded in any unit of time.
    public var timeSpan: TimeSpan? {
      guard let unit, let (timeUnit, times) = TimeSpan.Unit.named(unit), times == 1 else {
        return nil
      }
      return TimeSpan(value, timeUnit)
    }

    public init(
      howMany: String, value: NumberValue, unit: String? = nil, date: HistoricalDate? = nil
    ) {
      self.howMany = howMany
      self.value = value
      self.unit = unit
      self.date = date
    }
  }

  /// A plain sentence with one key term, for cloze questions.
  public struct Statement: Hashable, Sendable {
    /// The sentence with the key term marked off: `text[keyRange]` is the key.
    public var before: String
    public var key: String
    public var after: String
    /// Other accepted forms of the key term.
    public var alternatives: [String]
    /// Other terms that make the sentence true too ("villages such as [[Mazhiq]]" is true of
    /// Kutllovc): accepted as answers, never offered as distractors.
    public var alsoTrue: [String]

    public init(
      before: String, key: String, after: String, alternatives: [String] = [],
      alsoTrue: [String] = []
    ) {
      self.alsoTrue = alsoTrue
      self.before = before
      self.key = key
      self.after = after
      self.alternatives = alternatives
    }

    /// The sentence with its markup removed.
    public var text: String { before + key + after }
  }
}
