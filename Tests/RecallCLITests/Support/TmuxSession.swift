import Foundation

/// A program running in a detached tmux server of its own, driven by key presses and read
/// back from the screen: the only way to test line editing in a real terminal.
final class TmuxSession {
  enum Failure: Error, CustomStringConvertible {
    case tmuxFailed(arguments: [String], status: Int32, output: String)
    case timedOut(waitingFor: String, screen: String)

    var description: String {
      switch self {
      case .tmuxFailed(let arguments, let status, let output):
        "tmux \(arguments.joined(separator: " ")) exited with \(status): \(output)"
      case .timedOut(let waitingFor, let screen):
        "timed out waiting for \(waitingFor); the screen shows:\n\(screen)"
      }
    }
  }

  /// Whether a tmux executable is on PATH.
  static let isAvailable: Bool = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").contains {
      FileManager.default.isExecutableFile(atPath: "\($0)/tmux")
    }
  }()

  /// A socket of its own (-S, not -L: tmux 3.3 leaves the file behind, so stop() removes it).
  private let socket = FileManager.default.temporaryDirectory
    .appendingPathComponent("recall-tmux-\(UUID().uuidString.prefix(8))").path
  private var stopped = false

  /// What the pane shows when the program has exited; tmux's own #{pane_dead_status} is not
  /// reliable (3.3a can mark a pane dead and never collect its status).
  private static let exitMarker = "[recall-test exit "

  /// Starts `command` (a shell command line) in a `width`×`height` pane. When it exits, the
  /// shell prints its status and the pane stays, so the last screen can still be read.
  init(command: String, width: Int = 100, height: Int = 30) throws {
    try tmux([
      "new-session", "-d", "-x", "\(width)", "-y", "\(height)",
      "\(command); echo \"\(Self.exitMarker)$?]\"",
      ";", "set-option", "-g", "-w", "remain-on-exit", "on",
    ])
  }

  deinit { stop() }

  /// Ends the server and everything running in it.
  func stop() {
    guard !stopped else { return }
    stopped = true
    _ = try? tmux(["kill-server"])
    try? FileManager.default.removeItem(atPath: socket)
  }

  /// Types `text` literally (tmux -l), one key per character.
  func type(_ text: String) throws {
    try tmux(["send-keys", "-l", text])
  }

  /// Presses keys by tmux name: Enter, Left, BSpace, Up, Tab, C-c, C-d…
  func press(_ keys: String...) throws {
    try tmux(["send-keys"] + keys)
  }

  /// Resizes the window, as a user dragging the terminal's corner would: the program gets
  /// SIGWINCH.
  func resize(width: Int, height: Int = 30) throws {
    try tmux(["resize-window", "-x", "\(width)", "-y", "\(height)"])
  }

  /// The visible screen, one line per row, trailing spaces trimmed.
  func screen() throws -> String {
    try tmux(["capture-pane", "-p"])
  }

  /// The screen with the colours and attributes it is drawn in, as escape sequences (-e).
  func styledScreen() throws -> String {
    try tmux(["capture-pane", "-p", "-e"])
  }

  /// The program's exit status once it has exited, else nil.
  func exitStatus() throws -> Int32? {
    Self.exitStatus(in: try screen())
  }

  static func exitStatus(in screen: String) -> Int32? {
    guard let marker = screen.range(of: exitMarker) else { return nil }
    return Int32(screen[marker.upperBound...].prefix { $0.isNumber })
  }

  /// Polls the screen until `condition` holds, then returns it; fails after `timeout`.
  @discardableResult
  func waitFor(
    _ description: String, timeout: Double = 20, until condition: (String) -> Bool
  ) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    while Date() < deadline {
      last = try screen()
      if condition(last) { return last }
      Thread.sleep(forTimeInterval: 0.02)
    }
    throw Failure.timedOut(waitingFor: description, screen: last)
  }

  /// Waits until the screen contains `text`.
  @discardableResult
  func waitFor(_ text: String, timeout: Double = 20) throws -> String {
    try waitFor("\"\(text)\"", timeout: timeout) { $0.contains(text) }
  }

  /// Waits until the last non-empty row is exactly `row`, such as a fresh prompt.
  @discardableResult
  func waitForLastRow(_ row: String, timeout: Double = 20) throws -> String {
    try waitFor("a last row \"\(row)\"", timeout: timeout) { screen in
      Self.lastRow(of: screen) == row
    }
  }

  /// Waits until the program has exited and returns its status.
  func waitForExit(timeout: Double = 20) throws -> Int32 {
    let screen = try waitFor("the program to exit", timeout: timeout) {
      Self.exitStatus(in: $0) != nil
    }
    return Self.exitStatus(in: screen) ?? -1
  }

  static func lastRow(of screen: String) -> String? {
    screen.split(separator: "\n").last(where: { !$0.allSatisfy(\.isWhitespace) }).map(String.init)
  }

  @discardableResult
  private func tmux(_ arguments: [String]) throws -> String {
    // -f /dev/null: no user configuration; -u: the client speaks UTF-8.
    let fullArguments = ["-u", "-f", "/dev/null", "-S", socket] + arguments
    let outputFile = FileManager.default.temporaryDirectory
      .appendingPathComponent("recall-tmux-\(UUID().uuidString).out")
    defer { try? FileManager.default.removeItem(at: outputFile) }
    var environment = ProcessInfo.processInfo.environment
    environment["LANG"] = "C.UTF-8"
    environment["LC_ALL"] = "C.UTF-8"
    environment.removeValue(forKey: "TMUX")
    let status = try Self.spawnAndWait(
      ["tmux"] + fullArguments, environment: environment, outputPath: outputFile.path)
    let text = String(decoding: (try? Data(contentsOf: outputFile)) ?? Data(), as: UTF8.self)
    guard status == 0 else {
      throw Failure.tmuxFailed(arguments: fullArguments, status: status, output: text)
    }
    return text
  }

  #if !canImport(Darwin)
    private typealias CloseFrom =
      @convention(c) (
        UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32
      ) -> Int32

    /// glibc's "close every descriptor from N" spawn action, looked up at run time because the
    /// Glibc module leaves out GNU extensions.
    private static let closeFromAction: CloseFrom? = {
      guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np")
      else { return nil }
      return unsafeBitCast(symbol, to: CloseFrom.self)
    }()
  #endif

  /// Runs a program found on PATH and waits for it, with stdout and stderr going to
  /// `outputPath` and no other descriptor inherited.
  ///
  /// Not Foundation's Process: the tmux server that new-session forks would inherit the
  /// descriptor Process watches to learn that its child exited, and the wait never ends.
  private static func spawnAndWait(
    _ arguments: [String], environment: [String: String], outputPath: String
  ) throws -> Int32 {
    #if canImport(Darwin)
      var actions: posix_spawn_file_actions_t? = nil
      var attributes: posix_spawnattr_t? = nil
    #else
      var actions = posix_spawn_file_actions_t()
      var attributes = posix_spawnattr_t()
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // The test runs on a worker thread that blocks most signals, and a child inherits that
    // mask: the tmux server would never see SIGCHLD, nor the program SIGINT. Start clean.
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    var flags = Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    #if canImport(Darwin)
      flags |= Int16(POSIX_SPAWN_CLOEXEC_DEFAULT)
    #else
      guard let closeFrom = Self.closeFromAction else {
        throw Failure.tmuxFailed(
          arguments: arguments, status: -1,
          output: "posix_spawn_file_actions_addclosefrom_np is missing (glibc 2.34 or later)")
      }
      _ = closeFrom(&actions, 3)
    #endif
    posix_spawnattr_setflags(&attributes, flags)

    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid = pid_t()
    let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
    guard spawned == 0 else {
      throw Failure.tmuxFailed(
        arguments: arguments, status: -1, output: String(cString: strerror(spawned)))
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 {
      guard errno == EINTR else { return -1 }
    }
    // WIFEXITED / WEXITSTATUS, which Swift does not import as macros.
    return status & 0x7F == 0 ? (status >> 8) & 0xFF : -1
  }
}
