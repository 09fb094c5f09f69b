/// The site's sections: the old site's nine plus six that state news needs.
public enum Section: String, CaseIterable, Sendable, Hashable, Codable {
    case world, politics, economics, business, law, society, culture, science, tourism
    case health, education, sport, defence, agriculture, environment

    /// URL slug (also the stored value).
    public var slug: String { rawValue }

    public func name(in language: Language) -> String {
        let names: (String, String, String) = switch self {
        case .world: ("Әлем", "Мир", "World")
        case .politics: ("Саясат", "Политика", "Politics")
        case .economics: ("Экономика", "Экономика", "Economics")
        case .business: ("Бизнес", "Бизнес", "Business")
        case .law: ("Құқық", "Право", "Law")
        case .society: ("Қоғам", "Общество", "Society")
        case .culture: ("Мәдениет", "Культура", "Culture")
        case .science: ("Ғылым", "Наука", "Science")
        case .tourism: ("Туризм", "Туризм", "Tourism")
        case .health: ("Денсаулық", "Здоровье", "Health")
        case .education: ("Білім", "Образование", "Education")
        case .sport: ("Спорт", "Спорт", "Sport")
        case .defence: ("Қорғаныс және қауіпсіздік", "Оборона и безопасность", "Defence and Security")
        case .agriculture: ("Ауыл шаруашылығы", "Сельское хозяйство", "Agriculture")
        case .environment: ("Экология", "Экология", "Environment")
        }
        return switch language {
        case .kk: names.0
        case .ru: names.1
        case .en: names.2
        }
    }
}
