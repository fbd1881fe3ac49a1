import Testing

@testable import GlossaryKit

@Suite("Phenomenon sets")
struct PhenomenonSetTests {
    @Test func everyPhenomenonHasItsOwnBitInCaseOrder() {
        var all = PhenomenonSet([])
        for phenomenon in Phenomenon.allCases {
            let single = PhenomenonSet([phenomenon])
            #expect(single.members == [phenomenon])
            #expect(all.rawValue & single.rawValue == 0, "\(phenomenon) shares a bit")
            all.insert(phenomenon)
        }
        #expect(all.members == Phenomenon.allCases)
    }

    @Test func costIsTheSumOfTheMembersCosts() {
        let set = PhenomenonSet([.accent, .clitic, .spelling])
        #expect(set.cost == 1 + 2 + 3)
        #expect(PhenomenonSet([]).cost == 0 && PhenomenonSet([]).isEmpty)
    }
}
