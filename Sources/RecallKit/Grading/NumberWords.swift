/// Reads English number words ("fourteen", "three thousand five hundred", "a hundred and five")
/// so a learner may spell a figure out instead of typing digits.
///
/// The reader accepts only well-formed numbers: "one two" is two numbers, not twelve, and
/// "thousand" alone is a word, not a number. Nothing is guessed from a misspelled number word;
/// a slip there makes the answer unreadable rather than a different figure.
public enum NumberWords {
  static let units: [String: Int] = [
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9,
  ]
  static let teens: [String: Int] = [
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
  ]
  static let tens: [String: Int] = [
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
  ]
  static let scales: [String: Int] = [
    "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
  ]

  /// The value of `text` when all of it is one number in words ("twenty-one", "a thousand"), or
  /// nil.
  public static func value(of text: String) -> Int? {
    let words = TextNormalizer.rawWords(text, foldingDiacritics: true)
    guard !words.isEmpty, let (value, length) = longestNumber(in: words, from: 0),
      length == words.count
    else { return nil }
    return value
  }

  /// The words with every run of number words replaced by its digits: ["two", "weeks"] →
  /// ["2", "weeks"], ["one", "hundred", "and", "five"] → ["105"].
  public static func collapse(_ words: [String]) -> [String] {
    var result: [String] = []
    var index = 0
    while index < words.count {
      if let (value, length) = longestNumber(in: words, from: index) {
        result.append(String(value))
        index += length
      } else if let scaled = scaledFigure(words, at: index) {
        result.append(scaled)
        index += 2
      } else {
        result.append(words[index])
        index += 1
      }
    }
    return result
  }

  /// `text` with number words written as digits, everything else (separators, dashes, other
  /// words) left in place: "between three thousand and five thousand" → "between 3000 and 5000",
  /// "3 thousand" → "3000".
  public static func replacingWords(in text: String) -> String {
    let segments = wordSegments(text)
    var result = ""
    var index = 0
    while index < segments.count {
      let (segment, isWord) = segments[index]
      guard isWord else {
        result += segment
        index += 1
        continue
      }
      // The words that follow, joined only by spaces or hyphens ("twenty-one", "a hundred").
      var words = [segment]
      var positions = [index]
      var next = index + 1
      while next + 1 < segments.count, segments[next + 1].1,
        segments[next].0.allSatisfy({ $0 == " " || $0 == "-" })
      {
        words.append(segments[next + 1].0)
        positions.append(next + 1)
        next += 2
      }
      if let (value, length) = longestNumber(in: words, from: 0) {
        result += String(value)
        index = positions[length - 1] + 1
      } else if let scaled = scaling(&result, by: segment) {
        result += scaled
        index += 1
      } else {
        result += segment
        index += 1
      }
    }
    return result
  }

  /// Runs of letters (words) and runs of anything else, in order.
  private static func wordSegments(_ text: String) -> [(String, Bool)] {
    var segments: [(String, Bool)] = []
    for character in text {
      let isWord = character.isLetter
      if let last = segments.last, last.1 == isWord {
        segments[segments.count - 1].0.append(character)
      } else {
        segments.append((String(character), isWord))
      }
    }
    return segments
  }

  /// When `word` is a scale and `text` ends in a figure ("3 "), removes the figure and returns it
  /// multiplied out ("3000").
  private static func scaling(_ text: inout String, by word: String) -> String? {
    guard let scale = scales[word] ?? (word == "hundred" ? 100 : nil) else { return nil }
    let trimmed = text.reversed().drop(while: { $0 == " " })
    let figure = String(
      trimmed.prefix(while: { $0.isASCII && ($0.isNumber || $0 == ".") }).reversed())
    guard !figure.isEmpty, figure.first?.isNumber == true, let value = Double(figure) else {
      return nil
    }
    let product = value * Double(scale)
    guard product.rounded() == product, product < 1e15 else { return nil }
    let remaining = String(String(trimmed.dropFirst(figure.count)).reversed())
    if let last = remaining.last, last.isNumber || last == "," { return nil }
    text = remaining
    return String(Int64(product))
  }

  /// Digits followed by a scale word ("3 thousand", "1.5 million") as one whole number.
  private static func scaledFigure(_ words: [String], at index: Int) -> String? {
    guard index + 1 < words.count,
      let scale = scales[words[index + 1]] ?? hundredScale(words[index + 1]),
      words[index].allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
      let figure = Double(words[index])
    else { return nil }
    let value = figure * Double(scale)
    guard value.rounded() == value, value < 1e15 else { return nil }
    return String(Int64(value))
  }

  private static func hundredScale(_ word: String) -> Int? {
    word == "hundred" ? 100 : nil
  }

  /// What the last word read was, which decides what may follow it.
  private enum Last {
    case start, unit, teen, tens, tensUnit, hundred, scale, and
  }

  /// The number starting at `start` that takes in the most words, with how many it took.
  static func longestNumber(in words: [String], from start: Int) -> (Int, Int)? {
    var total = 0
    var group = 0
    var groupHasHundred = false
    var lastScale = Int.max
    var last = Last.start
    var best: (Int, Int)?
    var index = start
    while index < words.count {
      let word = words[index]
      let next = index + 1 < words.count ? words[index + 1] : nil
      if word == "a", last == .start, let next, next == "hundred" || scales[next] != nil {
        group = 1
        last = .unit
        index += 1
        continue
      }
      if word == "and" {
        guard last == .hundred || (last == .scale && andEndsNumber(words, at: index)),
          let next, startsGroupTail(next)
        else { break }
        last = .and
        index += 1
        continue
      }
      if let value = units[word] {
        guard [.start, .hundred, .scale, .and, .tens].contains(last), value > 0 || last == .start
        else { break }
        group += value
        last = last == .tens ? .tensUnit : .unit
      } else if let value = teens[word] ?? tens[word] {
        guard [.start, .hundred, .scale, .and].contains(last) else { break }
        group += value
        last = teens[word] != nil ? .teen : .tens
      } else if word == "hundred" {
        guard [.unit, .teen, .tens, .tensUnit].contains(last), !groupHasHundred, group > 0
        else { break }
        group *= 100
        groupHasHundred = true
        last = .hundred
      } else if let scale = scales[word] {
        guard last != .start, last != .and, last != .scale, scale < lastScale, group > 0
        else { break }
        total += group * scale
        group = 0
        groupHasHundred = false
        lastScale = scale
        last = .scale
      } else {
        break
      }
      index += 1
      if last != .and { best = (total + group, index - start) }
    }
    return best
  }

  /// After a scale word "and" joins only a last part below a hundred: "three thousand and five"
  /// is 3,005, while in "three thousand and five thousand" the "and" separates two numbers.
  private static func andEndsNumber(_ words: [String], at index: Int) -> Bool {
    var after = index + 1
    guard after < words.count, startsGroupTail(words[after]) else { return false }
    if tens[words[after]] != nil, after + 1 < words.count, units[words[after + 1]] != nil {
      after += 1
    }
    after += 1
    guard after < words.count else { return true }
    return words[after] != "hundred" && scales[words[after]] == nil
  }

  /// "and" joins only a last small part: "one hundred and five", "three thousand and twelve".
  private static func startsGroupTail(_ word: String) -> Bool {
    units[word].map { $0 > 0 } ?? false || teens[word] != nil || tens[word] != nil
  }
}
