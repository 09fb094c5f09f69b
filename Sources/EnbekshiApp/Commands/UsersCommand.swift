import Admin
import ArgumentParser
import Foundation
import Store

/// `enbekshi users`: the newsroom's accounts from the command line, where the first admin is made.
/// There is no default account and no default password.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Add, list and change the newsroom's accounts (the editors' room at /admin).",
        subcommands: [Add.self, List.self, Passwd.self, Disable.self, Enable.self, Role.self, TwoStepOff.self])

    /// What every subcommand shares: the database, logging and password hashing.
    struct Common: ParsableArguments {
        @OptionGroup var store: StoreOptions
        @OptionGroup var logging: LoggingOptions
        @OptionGroup var newsroom: NewsroomOptions

        func desk() async throws -> (AccountDesk, any NewsStore) {
            let logger = logging.bootstrap()
            let store = try await store.open(logger: logger)
            return (AccountDesk(store: store, hasher: try newsroom.hasher()), store)
        }
    }

    /// A password typed twice at a terminal (not echoed), or one line of standard input.
    struct PasswordInput: ParsableArguments {
        @Flag(name: .long, help: "Read the password from the first line of standard input (for scripts).")
        var passwordStdin = false

        @Option(name: .long, help: "Read the password from the first line of this file (a mounted secret).")
        var passwordFile: String?

        func read() throws -> String {
            if let passwordFile {
                guard let data = FileManager.default.contents(atPath: passwordFile) else {
                    throw ValidationError("cannot read the password file \(passwordFile)")
                }
                // "\r\n" is one Character in Swift, and a newline.
                let line = String(decoding: data, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).first ?? ""
                guard !line.isEmpty else { throw ValidationError("the password file \(passwordFile) holds no password on its first line") }
                return String(line)
            }
            if passwordStdin {
                guard let line = readLine(strippingNewline: true), !line.isEmpty else { throw ValidationError("standard input held no password") }
                return line
            }
            guard isatty(STDIN_FILENO) == 1 else { throw ValidationError("no terminal to ask for the password: give --password-stdin") }
            let first = String(cString: getpass("Password: "))
            let second = String(cString: getpass("Again: "))
            guard first == second else { throw ValidationError("the two passwords differ") }
            return first
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an account (the first admin is made this way).")
        @Argument(help: "The login: 2 to 64 lower-case letters, digits, dots, dashes or underscores.") var login: String
        @Option(name: .long, help: "viewer, editor, chief or admin (default editor).") var role: String = "editor"
        @Option(name: .long, help: "The name shown in the room and the audit trail (default the login).") var name: String?
        @OptionGroup var password: PasswordInput
        @OptionGroup var common: Common

        func run() async throws {
            guard let role = EditorRole(rawValue: role) else { throw ValidationError("--role must be viewer, editor, chief or admin") }
            let (desk, store) = try await common.desk()
            do {
                let account = try await desk.add(login: login, displayName: name, role: role, password: try password.read(), by: .commandLine)
                print("added \(account.login) (\(account.role.rawValue))")
            } catch let failure as AccountDesk.Failure {
                await store.shutdown()
                throw ValidationError(failure.description)
            }
            await store.shutdown()
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts: login, role, state, name.")
        @OptionGroup var common: Common

        func run() async throws {
            let (_, store) = try await common.desk()
            for account in try await store.editors() {
                let state = (account.disabled ? "disabled" : "active") + (account.totpSecret == nil ? "" : ", two-step")
                print("\(account.login)\t\(account.role.rawValue)\t\(state)\t\(account.displayName)")
            }
            await store.shutdown()
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set an account's password; its sessions end.")
        @Argument var login: String
        @OptionGroup var password: PasswordInput
        @OptionGroup var common: Common

        func run() async throws {
            try await UsersCommand.change(login, common) { desk, account in
                try await desk.setPassword(account, to: try password.read(), by: .commandLine)
                return "password of \(account.login) set; its sessions ended"
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account: it cannot sign in and its sessions end.")
        @Argument var login: String
        @OptionGroup var common: Common

        func run() async throws {
            try await UsersCommand.change(login, common) { desk, account in
                try await desk.setDisabled(account, true, by: .commandLine)
                return "\(account.login) disabled"
            }
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled account.")
        @Argument var login: String
        @OptionGroup var common: Common

        func run() async throws {
            try await UsersCommand.change(login, common) { desk, account in
                try await desk.setDisabled(account, false, by: .commandLine)
                return "\(account.login) enabled"
            }
        }
    }

    struct TwoStepOff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "two-step-off", abstract: "Turn off an account's sign-in codes (a lost phone); the member turns them on again in the room.")
        @Argument var login: String
        @OptionGroup var common: Common

        func run() async throws {
            try await UsersCommand.change(login, common) { desk, account in
                try await desk.setSignInCodes(account, secret: nil, by: .commandLine)
                return "\(account.login): two-step sign-in is off"
            }
        }
    }

    struct Role: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give an account another role.")
        @Argument var login: String
        @Argument(help: "viewer, editor, chief or admin.") var role: String
        @OptionGroup var common: Common

        func run() async throws {
            guard let role = EditorRole(rawValue: role) else { throw ValidationError("the role must be viewer, editor, chief or admin") }
            try await UsersCommand.change(login, common) { desk, account in
                try await desk.setRole(account, to: role, by: .commandLine)
                return "\(account.login) is now \(role.rawValue)"
            }
        }
    }

    /// Finds the account, applies a change and prints what was done; an unknown login or a refused
    /// password is a usage error, not a crash.
    static func change(_ login: String, _ common: Common, _ body: (AccountDesk, EditorAccount) async throws -> String) async throws {
        let (desk, store) = try await common.desk()
        do {
            let account = try await desk.account(login)
            print(try await body(desk, account))
        } catch let failure as AccountDesk.Failure {
            await store.shutdown()
            throw ValidationError(failure.description)
        }
        await store.shutdown()
    }
}
