import Admin
import Store
import Testing

@Suite("NewsroomPolicy")
struct NewsroomPolicyTests {
    @Test("each role may do what the issue gives it and nothing of the roles above")
    func ladder() {
        func allowed(_ role: EditorRole) -> Set<NewsroomAction> { Set(NewsroomAction.allCases.filter { NewsroomPolicy.allows(role, $0) }) }
        #expect(allowed(.viewer) == [.readQueue, .readHistory, .manageOwnSessions, .changeOwnPassword])
        #expect(allowed(.editor) == allowed(.viewer).union([.correct, .hide, .editTranslation, .writeArticle]))
        #expect(allowed(.chief) == allowed(.editor).union([.publish, .mergeStories, .revertOthers]))
        #expect(allowed(.admin) == Set(NewsroomAction.allCases))
        #expect(!NewsroomPolicy.allows(.chief, .manageUsers) && !NewsroomPolicy.allows(.chief, .readAudit))
    }

    @Test("every route but signing in and out names an action")
    func routes() {
        for route in AdminRoute.allCases {
            let open: Set<AdminRoute> = [.loginPage, .login, .logout]
            #expect((route.action == nil) == open.contains(route), "\(route)")
            #expect(route.pattern.hasPrefix("/admin"))
        }
    }
}
