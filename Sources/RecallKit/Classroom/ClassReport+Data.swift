import Foundation

extension ClassReport {
  /// Which table `csv(_:)` writes: a spreadsheet holds one table a file.
  public enum Table: String, CaseIterable, Sendable {
    case cards, facts, students, flags
  }

  /// One table as CSV, with a header row. Cells a spreadsheet would run as a formula (they
  /// start with `=`, `+`, `-`, `@`, a tab or a carriage return) get a leading apostrophe, since
  /// students' typed answers end up in them.
  public func csv(_ table: Table) -> String {
    let writer = DelimitedText(delimiter: ",")
    func cell(_ text: String) -> String {
      guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first)
      else { return text }
      return "'" + text
    }
    func decimal(_ value: Double?) -> String { Self.decimal(value, empty: "") }
    var output = ""
    switch table {
    case .cards, .facts:
      var header = [
        table == .cards ? "card" : "fact", "fact", "text", "studied", "first_try_accuracy",
        "latest_accuracy", "lapses", "facility", "discrimination", "recall_now",
      ]
      if onDate != nil { header.append("recall_on_date") }
      header.append("wrong_answers")
      output += writer.line(header)
      for item in table == .cards ? cards : facts {
        var row = [
          item.id, item.fact, item.text, String(item.studied), decimal(item.firstTryAccuracy),
          decimal(item.latestAccuracy), String(item.lapses), decimal(item.facility),
          decimal(item.discrimination), decimal(item.recallNow),
        ]
        if onDate != nil { row.append(decimal(item.recallOnDate)) }
        row.append(item.wrongAnswers.map { "\($0.answer) (\($0.count))" }.joined(separator: "; "))
        output += writer.line(row.map(cell))
      }
    case .students:
      var header = [
        "student", "cards_studied", "reviews", "accuracy", "known_now", "missed_now",
        "days_active", "flagged",
      ]
      if onDate != nil { header.append("known_on_date") }
      output += writer.line(header)
      for student in students {
        var row = [
          student.name, String(student.cardsStudied), String(student.reviews),
          decimal(student.accuracy), decimal(student.knownNow), String(student.missedNow),
          String(student.daysActive), String(student.flagged),
        ]
        if onDate != nil { row.append(decimal(student.knownOnDate)) }
        output += writer.line(row.map(cell))
      }
    case .flags:
      output += writer.line(["card", "fact", "text", "student", "flagged_at", "note"])
      for flag in flags {
        output += writer.line(
          [
            flag.cardID, flag.fact, flag.text, flag.student, ProgressFormat.timestamp(flag.at),
            flag.note ?? "",
          ].map(cell))
      }
    }
    return output
  }

  /// The whole report as one JSON object; keys in a fixed order, shares as numbers 0–1 with
  /// four decimals, indexes 0–100, null where there is no value.
  public func json() -> String {
    func number(_ value: Double?) -> String { Self.decimal(value, empty: "null") }
    func item(_ item: Item) -> String {
      let wrong = item.wrongAnswers.map {
        "{\"answer\": \(JSONText.quoted($0.answer)), \"count\": \($0.count)}"
      }
      return "{\"id\": \(JSONText.quoted(item.id)), \"fact\": \(JSONText.quoted(item.fact)), "
        + "\"text\": \(JSONText.quoted(item.text)), \"studied\": \(item.studied), "
        + "\"first_try_accuracy\": \(number(item.firstTryAccuracy)), "
        + "\"latest_accuracy\": \(number(item.latestAccuracy)), \"lapses\": \(item.lapses), "
        + "\"facility\": \(number(item.facility)), "
        + "\"discrimination\": \(number(item.discrimination)), "
        + "\"recall_now\": \(number(item.recallNow)), "
        + "\"recall_on_date\": \(number(item.recallOnDate)), "
        + "\"wrong_answers\": [\(wrong.joined(separator: ", "))]}"
    }
    let studentsJSON = students.map { student in
      "{\"name\": \(JSONText.quoted(student.name)), \"cards_studied\": \(student.cardsStudied), "
        + "\"reviews\": \(student.reviews), \"accuracy\": \(number(student.accuracy)), "
        + "\"known_now\": \(number(student.knownNow)), "
        + "\"known_on_date\": \(number(student.knownOnDate)), "
        + "\"missed_now\": \(student.missedNow), \"days_active\": \(student.daysActive), "
        + "\"flagged\": \(student.flagged)}"
    }
    let flagsJSON = flags.map { flag in
      "{\"card\": \(JSONText.quoted(flag.cardID)), \"fact\": \(JSONText.quoted(flag.fact)), "
        + "\"text\": \(JSONText.quoted(flag.text)), "
        + "\"student\": \(JSONText.quoted(flag.student)), "
        + "\"flagged_at\": \(JSONText.quoted(ProgressFormat.timestamp(flag.at))), "
        + "\"note\": \(flag.note.map(JSONText.quoted) ?? "null")}"
    }
    let skippedJSON = skipped.map {
      "{\"name\": \(JSONText.quoted($0.name)), \"reason\": \(JSONText.quoted($0.reason))}"
    }
    let hardJSON = hardest.map { hard in
      "{\"fact\": \(item(hard.fact)), \"cards\": [\(hard.cards.map(item).joined(separator: ", "))]}"
    }
    let curve = retention.map {
      "{\"date\": \"\(Self.day($0.date))\", \"known\": \(number($0.known))}"
    }
    return "{\"deck\": \(JSONText.quoted(deckID)), \"title\": \(JSONText.quoted(deckTitle)), "
      + "\"now\": \(JSONText.quoted(ProgressFormat.timestamp(now))), "
      + "\"on_date\": \(onDate.map { "\"\(Self.day($0))\"" } ?? "null"), "
      + "\"cards\": \(cardCount), \"known_now\": \(number(knownNow)), "
      + "\"known_on_date\": \(number(knownOnDate)), "
      + "\"students\": [\(studentsJSON.joined(separator: ", "))], "
      + "\"skipped\": [\(skippedJSON.joined(separator: ", "))], "
      + "\"flags\": [\(flagsJSON.joined(separator: ", "))], "
      + "\"hardest\": [\(hardJSON.joined(separator: ", "))], "
      + "\"facts\": [\(facts.map(item).joined(separator: ", "))], "
      + "\"card_items\": [\(cards.map(item).joined(separator: ", "))], "
      + "\"retention\": [\(curve.joined(separator: ", "))]}\n"
  }
}
