/// Edit distance over Unicode scalars counting a swap of neighbours as one edit (optimal string
/// alignment), since "dtae" for "date" is one slip of the fingers, not two.
public func editDistance(_ a: String, _ b: String) -> Int {
  let lhs = Array(a.unicodeScalars)
  let rhs = Array(b.unicodeScalars)
  if lhs.isEmpty { return rhs.count }
  if rhs.isEmpty { return lhs.count }
  var beforePrevious = [Int](repeating: 0, count: rhs.count + 1)
  var previous = Array(0...rhs.count)
  var current = [Int](repeating: 0, count: rhs.count + 1)
  for i in 1...lhs.count {
    current[0] = i
    for j in 1...rhs.count {
      let cost = lhs[i - 1] == rhs[j - 1] ? 0 : 1
      current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      if i > 1, j > 1, lhs[i - 1] == rhs[j - 2], lhs[i - 2] == rhs[j - 1] {
        current[j] = Swift.min(current[j], beforePrevious[j - 2] + 1)
      }
    }
    (beforePrevious, previous, current) = (previous, current, beforePrevious)
  }
  return previous[rhs.count]
}

/// The candidate closest to `word`, when it is close enough to be a likely typo.
public func closestMatch(to word: String, in candidates: some Sequence<String>) -> String? {
  var best: (String, Int)?
  for candidate in candidates {
    let distance = editDistance(word.lowercased(), candidate.lowercased())
    if let current = best, current.1 <= distance { continue }
    best = (candidate, distance)
  }
  guard let (candidate, distance) = best else { return nil }
  let allowed = Swift.min(3, Swift.max(candidate.count, word.count) / 3)
  return distance <= allowed ? candidate : nil
}
