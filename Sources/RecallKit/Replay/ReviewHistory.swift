import Foundation

/// The reviews of a log grouped by card, each card's in time order: what the optimizer and
/// the evaluator learn from. Cards keep the order in which they first appear.
public struct ReviewHistory: Sendable {
  public private(set) var cardIDs: [String] = []
  private var times: [[Date]] = []
  private var ratings: [[Rating]] = []
  private var indexByCard: [String: Int] = [:]
  public private(set) var reviewCount = 0

  public init() {}

  /// Why a review could not be added.
  public enum OrderError: Error, Hashable, Sendable {
    /// The review is earlier than the card's previous one.
    case earlierThanPrevious(previous: Date)
  }

  /// Adds a review; a card's reviews must come in time order.
  public mutating func add(card: String, time: Date, rating: Rating) throws(OrderError) {
    let index: Int
    if let known = indexByCard[card] {
      index = known
      if let last = times[index].last, time < last {
        throw .earlierThanPrevious(previous: last)
      }
    } else {
      index = cardIDs.count
      indexByCard[card] = index
      cardIDs.append(card)
      times.append([])
      ratings.append([])
    }
    times[index].append(time)
    ratings[index].append(rating)
    reviewCount += 1
  }

  /// The training items of every card, in time order of the review each predicts (so that
  /// later items weigh more), with whole days counted by `day`.
  public func items(day: (Date) -> Int) -> [FSRSItem] {
    var items: [FSRSItem] = []
    // The moment of each item's predicted review, then the item's place, which keeps items
    // of the same moment in card order.
    var order: [(time: Double, index: Int)] = []
    for card in cardIDs.indices {
      let days = times[card].map(day)
      let cardItems = FSRSItem.items(days: days, ratings: ratings[card], card: card)
      var itemIndex = 0
      for (position, dayNumber) in days.enumerated() where position > 0 {
        if dayNumber > days[position - 1] {
          order.append((times[card][position].timeIntervalSince1970, items.count))
          items.append(cardItems[itemIndex])
          itemIndex += 1
        }
      }
    }
    order.sort { $0 < $1 }
    return order.map { items[$0.index] }
  }

  /// Adds one line of a log; the message and column of what is wrong with it, if anything.
  private mutating func consume(_ line: [UInt8]) -> (String, Int)? {
    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
    switch ReviewLogEntry.parseLocated(line) {
    case .failure(let error):
      return (error.message, error.column)
    case .success(let (entry, timeColumn)):
      do {
        try add(card: entry.card, time: entry.time, rating: entry.rating)
        return nil
      } catch {
        guard case .earlierThanPrevious(let previous) = error else { return nil }
        return (
          "this review of '\(entry.card)' at \(UTCTimestamp.format(entry.time)) is earlier "
            + "than its previous one at \(UTCTimestamp.format(previous)); list each card's "
            + "reviews in time order", timeColumn
        )
      }
    }
  }

  /// Reads a review log in `recall schedule replay`'s format. Every bad line is handed to
  /// `diagnostic`, located in `file`; the history holds the good lines.
  public static func read(
    _ input: Data, file: String, diagnostic: (Diagnostic) -> Void
  ) -> (history: ReviewHistory, clean: Bool) {
    var history = ReviewHistory()
    var clean = true
    input.withUnsafeBytes { raw in
      JSONLines.forEachLine(in: raw.bindMemory(to: UInt8.self)) { lineNumber, line in
        // Plain lines skip the general reader; anything else, and any line that cannot be
        // added, is read again by it, so that errors are located the same way.
        if let entry = ReviewLogEntry.parsePlain(line),
          (try? history.add(card: entry.card, time: entry.time, rating: entry.rating)) != nil
        {
          return
        }
        guard let (message, column) = history.consume(Array(line)) else { return }
        clean = false
        diagnostic(
          .error(message, at: SourceLocation(file: file, line: lineNumber, column: column)))
      }
    }
    return (history, clean)
  }
}

/// Numbers days as a learner lives them: a day starts at `startHour` local time, so a review
/// past midnight still belongs to the evening before.
public struct DayNumbering: Sendable {
  public var timeZone: TimeZone {
    didSet { fixedOffset = nil }
  }
  public var startHour: Int
  /// The offset of a zone known to have no daylight saving time (UTC), which spares asking
  /// the zone for every review of a long log.
  private var fixedOffset: Int?

  public init(timeZone: TimeZone, startHour: Int = StudyDay.defaultStartHour) {
    self.timeZone = timeZone
    self.startHour = startHour
  }

  /// Whole UTC days, for logs that carry no time zone.
  public static let utc: DayNumbering = {
    guard let zone = TimeZone(secondsFromGMT: 0) else {
      return DayNumbering(timeZone: .current, startHour: 0)
    }
    var numbering = DayNumbering(timeZone: zone, startHour: 0)
    numbering.fixedOffset = 0
    return numbering
  }()

  public func day(of date: Date) -> Int {
    let offset = fixedOffset ?? timeZone.secondsFromGMT(for: date)
    let local = date.timeIntervalSince1970 + Double(offset)
    return Int(((local - Double(startHour) * 3600) / 86_400).rounded(.down))
  }
}

/// Splits JSON Lines text into lines: numbered from 1, without their line breaks (LF or
/// CRLF) or a leading byte-order mark.
enum JSONLines {
  static func forEachLine(
    in input: UnsafeBufferPointer<UInt8>, _ body: (Int, UnsafeBufferPointer<UInt8>) -> Void
  ) {
    var lineNumber = 0
    var start = 0
    if input.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
    while start < input.count {
      var end = start
      while end < input.count && input[end] != 0x0A { end += 1 }
      lineNumber += 1
      var lineEnd = end
      if lineEnd > start && input[lineEnd - 1] == 0x0D { lineEnd -= 1 }
      body(lineNumber, UnsafeBufferPointer(rebasing: input[start..<lineEnd]))
      start = end + 1
    }
  }

  static func forEachLine(in input: Data, _ body: (Int, Data.SubSequence) -> Void) {
    var lineNumber = 0
    var start = input.startIndex
    if input.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
    while start < input.endIndex {
      let end = input[start...].firstIndex(of: 0x0A) ?? input.endIndex
      lineNumber += 1
      var line = input[start..<end]
      if line.last == 0x0D { line = line.dropLast() }
      body(lineNumber, line)
      start = end == input.endIndex ? end : input.index(after: end)
    }
  }
}
