/// Names that point elsewhere in the deck (an event's places, a card's fact), resolved once
/// every fact is read.
extension DeckBuilder {
  mutating func resolveReferences(_ facts: inout [Fact]) {
    var byName: [String: String] = [:]
    var placeIDs: Set<String> = []
    for fact in facts {
      guard case .place(let place) = fact.content else { continue }
      placeIDs.insert(fact.id)
      for name in [place.name] + place.aliases { byName[name.lowercased()] = fact.id }
    }
    let candidates =
      Array(placeIDs)
      + facts.compactMap {
        if case .place(let place) = $0.content { place.name } else { nil }
      }
    for reference in placeReferences {
      let resolved =
        placeIDs.contains(reference.value)
        ? reference.value : byName[reference.value.lowercased()]
      guard let resolved else {
        let hint =
          closestMatch(to: reference.value, in: candidates).map { "; did you mean '\($0)'?" }
          ?? "; declare it as a place fact"
        reader.error(
          "unknown place '\(NodeReader.clip(reference.value))'\(hint)", at: reference.node)
        continue
      }
      guard reference.factIndex < facts.count,
        case .event(var event) = facts[reference.factIndex].content
      else { continue }
      if !event.places.contains(resolved) { event.places.append(resolved) }
      facts[reference.factIndex].content = .event(event)
    }
    let known = Set(facts.map(\.id))
    for reference in cardFactReferences where !known.contains(reference.value) {
      let hint =
        closestMatch(to: reference.value, in: known).map { "; did you mean '\($0)'?" } ?? ""
      reader.error("unknown fact '\(NodeReader.clip(reference.value))'\(hint)", at: reference.node)
    }
  }
}
