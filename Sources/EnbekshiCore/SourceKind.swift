/// What sort of state body a gov.kz entity is, told from its slug.
public enum SourceKind: String, CaseIterable, Sendable, Codable {
    case ministry
    case agency
    case akimat
    case maslikhat
    case taxDepartment = "tax-department"
    case embassy
    case department
    case other
    /// Enbekshi QazaQ's own newsroom: never harvested from gov.kz.
    case newsroom
}
