import ArgumentParser

/// `enbekshi`: one binary for the whole pipeline.
public struct EnbekshiCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "enbekshi",
        abstract: "Enbekshi QazaQ: news from Kazakhstan's state bodies, harvested from gov.kz.",
        discussion: """
            Every command reads the same database (default ./enbekshi.sqlite, or --database, or
            ENBEKSHI_DATABASE). gov.kz settings come from --govkz-* options or ENBEKSHI_GOVKZ_* variables.
            """,
        subcommands: [
            ServeCommand.self, MigrateCommand.self, CopyCommand.self, HarvestCommand.self, IngestCommand.self, SourcesCommand.self, StatusCommand.self,
            TranslateCommand.self, ClassifyCommand.self, StoriesCommand.self, AuditCommand.self, ReviewCommand.self, UsersCommand.self, RecleanCommand.self, ReindexCommand.self, ExportCommand.self,
            BackupCommand.self, RestoreCommand.self, FakeGovKzCommand.self, FakeTranslatorCommand.self, BenchCommand.self,
        ]
    )

    public init() {}
}
