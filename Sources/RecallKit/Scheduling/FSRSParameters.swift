/// The 21 FSRS-6 weights: their defaults and the range each may take.
///
/// The defaults and bounds are py-fsrs 6's, so parameters trained elsewhere load unchanged and
/// parameters py-fsrs would reject are rejected here too.
public enum FSRSParameters {
  /// How many weights FSRS-6 has.
  public static let count = 21

  /// The weights FSRS-6 ships with, fitted to many users' review logs.
  public static let defaults: [Double] = [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
    0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
  ]

  /// The smallest stability any update may produce, in days.
  public static let minimumStability = 0.001

  /// The range each weight may take, by index.
  public static let bounds: [ClosedRange<Double>] = [
    minimumStability...100, minimumStability...100, minimumStability...100,
    minimumStability...100, 1...10, 0.001...4, 0.001...4, 0.001...0.75, 0...4.5, 0...0.8,
    0.001...3.5, 0.001...5, 0.001...0.25, 0.001...0.9, 0...4, 0...1, 1...6, 0...2, 0...2,
    0...0.8, 0.1...0.8,
  ]
}
