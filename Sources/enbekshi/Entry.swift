import EnbekshiApp

/// The entry point stays thin: everything lives in EnbekshiApp and the stage libraries.
@main
enum Entry {
    static func main() async {
        await EnbekshiCommand.main()
    }
}
