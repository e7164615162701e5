import Foundation
import RecallKit

/// The testing hook `RECALL_FAULT_INJECTION`: switches on the seam every progress-file call
/// goes through (`ProgressFaults`), so the kill and fault sweeps can run the real `recall`.
/// `kind=count` counts the calls and reports the total at exit; `call=N,kind=K` fails the
/// Nth (see Documentation/reliability.md). Not for normal use.
enum FaultInjectionHook {
  static let variable = "RECALL_FAULT_INJECTION"
  /// Brings back a fixed defect (`ProgressFaults.Plant`), to show the sweep catches it;
  /// ignored unless `variable` is set too, so it can never act in normal use.
  static let plantVariable = "RECALL_FAULT_PLANT"

  /// Installs what the environment asks for; a value that is not understood is a usage
  /// error, so a sweep never runs without the faults it meant to inject.
  static func install(from environment: [String: String]) throws(CommandError) {
    guard let value = environment[variable], !value.isEmpty else { return }
    guard let injection = ProgressFaults.injection(parsing: value) else {
      throw .usage(
        "\(variable)='\(TextSanitizer.visible(value))' is not understood: use "
          + "'call=N,kind=stop|torn|enospc|eio|kill' or 'kind=count'")
    }
    var plant: ProgressFaults.Plant?
    if let name = environment[plantVariable], !name.isEmpty {
      guard let known = ProgressFaults.Plant(rawValue: name) else {
        let names = ProgressFaults.Plant.allCases.map { "'\($0.rawValue)'" }
        throw .usage(
          "\(plantVariable)='\(TextSanitizer.visible(name))' is not understood: use "
            + names.joined(separator: " or "))
      }
      plant = known
    }
    ProgressFaults.install(injection, plant: plant)
    atexit {
      let message = "recall: fault injection: \(ProgressFaults.count(folder: "")) calls counted\n"
      FileHandle.standardError.write(Data(message.utf8))
    }
  }
}
