import ArgumentParser
import EnbekshiApp
import Foundation

/// Runs `enbekshi` subcommands in-process, as a user would type them, and returns the exit code.
enum CommandRunner {
    @discardableResult
    static func run(_ arguments: [String]) async throws -> Int32 {
        var command = try EnbekshiCommand.parseAsRoot(arguments + ["--log-level", "error"])
        do {
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        }
    }
}
