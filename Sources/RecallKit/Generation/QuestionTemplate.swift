/// The templates questions are made from. A question's id is `<fact-id>/<rawValue>`, and progress
/// files are keyed by that id, so each raw value is fixed forever: renaming one would orphan
/// every learner's cards made from it. A new template gets a new case and a new raw value.
public enum QuestionTemplate: Hashable, Sendable, RawRepresentable, CustomStringConvertible {
  // Events.
  case dateShort, dateChoice, placeCloze, placeChoice
  /// Who won a named event, from its `outcome` and `participants`.
  case winnerShort
  /// Whom one side fought in a named event with two participants.
  case opponentShort
  /// A figure from the event's `casualties` sentence, blanked.
  case casualtiesNumeric
  // People, units and organizations.
  case nameShort, nameChoice, roleChoice, aliasShort, nicknameShort, sizeNumeric, sizeChoice
  /// Name one of several people who share a role (award recipients, members of a group).
  case membersShort
  // Places.
  case sentenceCloze(Int), sentenceChoice(Int), regionShort
  // Quantities.
  case countNumeric, countChoice
  // Statements.
  case cloze, choice
  /// The fact as a statement, true or altered; one per fact.
  case truefalse
  /// A hand-written card (its id is the card's own).
  case card
  // Questions that span the facts of one tag (ids `order/<tag>/<n>` and so on).
  case order, matchDates, matchRoles, matchPlaces

  private static let fixed: [QuestionTemplate] = [
    .dateShort, .dateChoice, .placeCloze, .placeChoice, .winnerShort, .opponentShort,
    .casualtiesNumeric, .nameShort, .nameChoice, .roleChoice, .aliasShort, .nicknameShort,
    .sizeNumeric, .sizeChoice, .membersShort, .regionShort, .countNumeric, .countChoice, .cloze,
    .choice, .truefalse, .card, .order, .matchDates, .matchRoles, .matchPlaces,
  ]

  private static let byRawValue: [String: QuestionTemplate] = Dictionary(
    uniqueKeysWithValues: fixed.map { ($0.rawValue, $0) })

  public var rawValue: String {
    switch self {
    case .dateShort: "date-short"
    case .dateChoice: "date-choice"
    case .placeCloze: "place-cloze"
    case .placeChoice: "place-choice"
    case .winnerShort: "winner-short"
    case .opponentShort: "opponent-short"
    case .casualtiesNumeric: "casualties-numeric"
    case .nameShort: "name-short"
    case .nameChoice: "name-choice"
    case .roleChoice: "role-choice"
    case .aliasShort: "alias-short"
    case .nicknameShort: "nickname-short"
    case .sizeNumeric: "size-numeric"
    case .sizeChoice: "size-choice"
    case .membersShort: "members-short"
    case .sentenceCloze(let number): "sentence-\(number)-cloze"
    case .sentenceChoice(let number): "sentence-\(number)-choice"
    case .regionShort: "region-short"
    case .countNumeric: "count-numeric"
    case .countChoice: "count-choice"
    case .cloze: "cloze"
    case .choice: "choice"
    case .truefalse: "truefalse"
    case .card: "card"
    case .order: "order"
    case .matchDates: "match-dates"
    case .matchRoles: "match-roles"
    case .matchPlaces: "match-places"
    }
  }

  /// The template a raw value names, as read back from a card id's second half.
  public init?(rawValue: String) {
    if let template = Self.byRawValue[rawValue] {
      self = template
      return
    }
    for (prefix, make) in [("-cloze", Self.sentenceCloze), ("-choice", Self.sentenceChoice)]
    where rawValue.hasPrefix("sentence-") && rawValue.hasSuffix(prefix) {
      let digits = rawValue.dropFirst("sentence-".count).dropLast(prefix.count)
      guard let number = Int(digits), number > 0, String(number) == digits else { return nil }
      self = make(number)
      return
    }
    return nil
  }

  public var description: String { rawValue }
}
