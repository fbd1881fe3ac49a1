/// Checks TBX v3 subtrees against the core structure and the TBX-Basic and TBX-Min rules.
///
/// The rules are those the LTAC RELAX NG core schema and the Basic and Min Schematron files
/// enforce and that matter for interchange; each violation is reported at the line of the element
/// that breaks it. The list is in `docs/tbx.md`.
enum TBXValidator {
    /// Elements whose `type` attribute is required by the core structure.
    private static let typeRequired: Set<String> = ["admin", "descrip", "termNote", "transac", "transacNote", "xref", "ref"]

    /// TBX-Basic data categories per element.
    private static let basicCategories: [String: Set<String>] = [
        "descrip": ["definition", "context", "subjectField"],
        "admin": ["source", "customerSubset", "projectSubset"],
        "termNote": [
            "partOfSpeech", "termType", "administrativeStatus", "usageStatus", "grammaticalGender",
            "geographicalUsage", "termLocation",
        ] as Set<String>,
        "xref": ["xGraphic", "externalCrossReference"],
        "ref": ["crossReference"],
    ]

    /// TBX-Min data categories per element.
    private static let minCategories: [String: Set<String>] = [
        "descrip": ["subjectField"],
        "admin": ["customerSubset"],
        "termNote": ["partOfSpeech", "usageStatus"],
    ]

    static func check(
        _ node: XMLElementNode, context: XMLSubtreeContext, dialect: TBXDialect, path: String,
        into diagnostics: inout [FormatDiagnostic]
    ) {
        func report(_ node: XMLElementNode, _ rule: String, _ message: String) {
            diagnostics.append(
                FormatDiagnostic(
                    severity: .error, location: SourceLocation(file: path, line: node.line, column: node.column), rule: rule,
                    message: message))
        }
        switch (context, node.name) {
        case (.rootChild, "tbxHeader"):
            headerText(node, report: report)
        case (.bodyChild, "conceptEntry"):
            if node.attributes["id"] == nil { report(node, "tbx-core-structure", "<conceptEntry> must have an id attribute") }
            walk(node, level: .concept, dialect: dialect, report: report)
        case (.bodyChild, _):
            report(node, "tbx-core-structure", "<\(node.name)> may not be a child of <body>; expected <conceptEntry>")
        default:
            break
        }
    }

    private static func headerText(_ node: XMLElementNode, report: (XMLElementNode, String, String) -> Void) {
        if node.name != "p", node.name != "title", node.hasDirectText {
            report(node, "tbx-core-structure", "text inside <\(node.name)> must be wrapped in <p>")
        }
        if node.name == "p" || node.name == "title" { return }
        for child in node.children { headerText(child, report: report) }
    }

    enum Level { case concept, language, term }

    /// Why a data category breaks TBX-Basic, or `nil` when it is allowed there.
    static func basicViolation(element: String, type: String?, value: String, level: Level, grouped: Bool) -> (
        rule: String, message: String
    )? {
        guard let type else { return nil }
        if element == "transac", type != "transactionType" {
            return ("tbx-basic-category", "<transac> must have type=\"transactionType\" in TBX-Basic, not \"\(type)\"")
        }
        if element == "transacNote", type != "responsibility" {
            return ("tbx-basic-category", "<transacNote> must have type=\"responsibility\" in TBX-Basic, not \"\(type)\"")
        }
        if let allowed = basicCategories[element], !allowed.contains(type) {
            return ("tbx-basic-category", "\"\(type)\" is not a TBX-Basic data category for <\(element)>")
        }
        if element == "admin", type == "source", !grouped, level != .term {
            return (
                "tbx-basic-placement",
                "\"source\" at \(level == .concept ? "concept" : "language") level must be grouped with a definition or context in a <descripGrp>"
            )
        }
        if element == "descrip", type == "definition", level == .term {
            return (
                "tbx-basic-placement",
                "\"definition\" is not allowed at term level in TBX-Basic; put it in the <langSec> or <conceptEntry>"
            )
        }
        if let allowed = TBXStatusMapping.picklist(category: type, dialect: .basic), !allowed.contains(value) {
            return ("tbx-picklist", "'\(value)' is not an allowed value of \(type)")
        }
        return nil
    }

    private static func walk(
        _ node: XMLElementNode, level: Level, dialect: TBXDialect, report: (XMLElementNode, String, String) -> Void
    ) {
        for child in node.children {
            switch child.name {
            case "langSec":
                if child.attributes["xml:lang"] == nil {
                    report(child, "tbx-core-structure", "<langSec> must have an xml:lang attribute")
                }
                walk(child, level: .language, dialect: dialect, report: report)
            case "termSec":
                let terms = child.children.filter { $0.name == "term" }
                if child.children.first?.name != "term" {
                    report(child.children.first ?? child, "tbx-core-structure", "<term> must come first in <termSec>")
                }
                for extra in terms.dropFirst() {
                    report(extra, "tbx-core-structure", "only one <term> is allowed per <termSec>")
                }
                walk(child, level: .term, dialect: dialect, report: report)
            case "term":
                continue
            case "descripGrp", "adminGrp", "transacGrp", "termNoteGrp":
                if dialect == .min {
                    report(child, "tbx-min-category", "<\(child.name)> is not allowed in TBX-Min")
                }
                if child.name == "descripGrp" {
                    for extra in child.children.filter({ $0.name == "descrip" }).dropFirst() {
                        report(extra, "tbx-core-structure", "only one <descrip> is allowed per <descripGrp>")
                    }
                }
                for member in child.children { category(member, level: level, grouped: true, dialect: dialect, report: report) }
            default:
                category(child, level: level, grouped: false, dialect: dialect, report: report)
            }
        }
    }

    private static func category(
        _ node: XMLElementNode, level: Level, grouped: Bool, dialect: TBXDialect, report: (XMLElementNode, String, String) -> Void
    ) {
        let type = node.type
        if typeRequired.contains(node.name), type == nil || type!.isEmpty {
            report(node, "tbx-core-structure", "<\(node.name)> must have a type attribute")
            return
        }
        switch dialect {
        case .basic:
            if let violation = basicViolation(
                element: node.name, type: type, value: node.fullText, level: level, grouped: grouped)
            {
                report(node, violation.rule, violation.message)
            }
            return
        case .min:
            if node.name == "xref" || node.name == "ref" {
                report(node, "tbx-min-category", "<\(node.name)> is not allowed in TBX-Min")
                return
            }
            if let type, let allowed = minCategories[node.name], !allowed.contains(type) {
                report(node, "tbx-min-category", "\"\(type)\" is not a TBX-Min data category for <\(node.name)>")
                return
            }
            if minCategories[node.name] == nil, node.name != "note" {
                report(node, "tbx-min-category", "<\(node.name)> is not allowed in TBX-Min")
                return
            }
        default:
            break
        }
        if let type, dialect == .min, let allowed = TBXStatusMapping.picklist(category: type, dialect: dialect) {
            let value = node.fullText
            if !allowed.contains(value) {
                report(node, "tbx-picklist", "'\(value)' is not an allowed value of \(type)")
            }
        }
    }
}
