/// The deck's `source` and `settings`; ranges come from the scheduler that uses them.
extension DeckBuilder {
  mutating func readSource(_ node: DeckNode) -> Deck.Source? {
    if case .scalar = node {
      return reader.text(node, field: DeckKey.source.rawValue).map { Deck.Source(title: $0) }
    }
    guard let fields = reader.fields(of: node, in: "'source'", DeckSchema.source),
      let title = reader.text(fields, .title)
    else { return nil }
    return Deck.Source(
      title: title, url: reader.text(fields, .url), author: reader.text(fields, .author),
      license: reader.text(fields, .license), note: reader.text(fields, .note))
  }

  mutating func readSettings(_ node: DeckNode) -> DeckSettings {
    guard let fields = reader.fields(of: node, in: "'settings'", DeckSchema.settings) else {
      return DeckSettings()
    }
    func number(_ key: DeckKey, _ range: ClosedRange<Double>) -> Double? {
      reader.number(fields[key], field: key.rawValue, range: range)
    }
    let intervals = SchedulerOptions.maximumIntervalRange
    var settings = DeckSettings()
    settings.desiredRetention = number(
      .desiredRetention, SchedulerOptions.desiredRetentionRange)
    settings.maximumInterval = number(
      .maximumInterval, Double(intervals.lowerBound)...Double(intervals.upperBound)
    ).map { Int($0) }
    settings.newPerDay = number(.newPerDay, DeckSettings.newPerDayRange).map { Int($0) }
    settings.reviewsPerDay = number(.reviewsPerDay, DeckSettings.reviewsPerDayRange).map {
      Int($0)
    }
    settings.learningSteps = readSteps(
      fields[.learningSteps], field: DeckKey.learningSteps.rawValue)
    settings.relearningSteps = readSteps(
      fields[.relearningSteps], field: DeckKey.relearningSteps.rawValue)
    if let node = fields[.parameters] {
      let values = readList(node, field: DeckKey.parameters.rawValue).compactMap {
        reader.number($0, field: DeckKey.parameters.rawValue, range: DeckSettings.weightRange)
      }
      if values.count == FSRSParameters.count {
        settings.parameters = values
      } else {
        reader.error(
          "'parameters' must list the \(FSRSParameters.count) FSRS-6 weights, found "
            + "\(values.count)", at: node)
      }
    }
    return settings
  }

  private mutating func readSteps(_ node: DeckNode?, field: String) -> [Double]? {
    guard let node else { return nil }
    var steps: [Double] = []
    for entry in readList(node, field: field) {
      guard let text = reader.text(entry, field: field) else { continue }
      guard let seconds = parseStepDuration(text) else {
        reader.error(
          "'\(field)' entries are durations such as '1m', '10m', '1h' or '1d', found '\(NodeReader.clip(text))'",
          at: entry)
        continue
      }
      steps.append(seconds)
    }
    return steps
  }

}
