//! The file codec against the bad-input cases of RELIABILITY.md (cases 1–13,
//! 21, 22). Each case must end in a typed error — never a panic — and a
//! valid file must load to exactly the expected workspace.

use kam_workbench::domain::fitness::{Answer, Catalogue, FitnessCheck, FitnessRecord, Foundations};
use kam_workbench::domain::introduction::project::TaskStatus;
use kam_workbench::domain::introduction::risks::Risk;
use kam_workbench::domain::people::organisation::OrgForm;
use kam_workbench::domain::people::team::{Colleague, Member, Raci, Team, TeamTool};
use kam_workbench::domain::potentials::business::{
    Business, BusinessTool, Named, RevenueLine, Stage,
};
use kam_workbench::domain::potentials::buying_center::{
    BuyingCenter, BuyingCenterTool, Person, Role,
};
use kam_workbench::domain::potentials::market::{Market, MarketTool, Meaning, Pestle, Trend};
use kam_workbench::domain::potentials::plan::{AccountPlan, Action, PlanTool, Status};
use kam_workbench::domain::potentials::profile::{Profile, ProfileTool};
use kam_workbench::domain::potentials::requirements::{
    Competitor, Requirement, Requirements, RequirementsTool,
};
use kam_workbench::domain::potentials::sources::{Reliability, Source, Sources, SourcesTool};
use kam_workbench::domain::potentials::{put_tool, ToolKind};
use kam_workbench::domain::processes::cycle::{Cycle, CycleTool, Step};
use kam_workbench::domain::processes::review::{ReviewTool, Talk, Talks};
use kam_workbench::domain::processes::satisfaction::{
    Item as SurveyItem, Recommendation, SatisfactionTool, Score, Survey, Surveys,
};
use kam_workbench::domain::record::ToolGroup;
use kam_workbench::domain::results::scorecard::{Period, Scorecard, ScorecardTool};
use kam_workbench::domain::targets::{Customer, TargetSelection};
use kam_workbench::domain::time::Day;
use kam_workbench::domain::{
    plan_import, AccountDraft, Amount, ImportMode, KeyAccount, Timestamp, Workspace,
};
use kam_workbench::storage::codec::{decode_with, indent, Migration, MIGRATIONS};
use kam_workbench::storage::{
    decode, decode_file, decode_stored, decode_stored_all, encode, encode_compact, DecodeError,
    SchemaProblem, CURRENT_VERSION, MAX_FILE_BYTES,
};
use proptest::prelude::*;
use uuid::Uuid;

const V1_FIXTURE: &str = include_str!("fixtures/workspace-v1.json");
/// A version-3 file with every family of its time: an account, a
/// Fitness-Check, foundations notes and a customer list linked to the account.
const V3_FIXTURE: &str = include_str!("fixtures/workspace-v3.json");

fn ts(text: &str) -> Timestamp {
    Timestamp::parse(text).unwrap()
}

/// The workspace the committed v1 fixture must load to, for ever.
fn expected_v1_workspace() -> Workspace {
    let parent = Uuid::parse_str("6f1c2a4e-8b7d-4c1e-9a35-0d2f7b6e1a01").unwrap();
    Workspace {
        fitness_checks: Default::default(),
        foundations: Default::default(),
        fitness_catalogue: Default::default(),
        targets: Default::default(),
        buying_centers: Vec::new(),
        account_plans: Vec::new(),
        requirements: Vec::new(),
        own_business: Vec::new(),
        account_profiles: Vec::new(),
        markets: Vec::new(),
        information_sources: Vec::new(),
        satisfaction_surveys: Vec::new(),
        annual_reviews: Vec::new(),
        process_cycles: Vec::new(),
        account_teams: Vec::new(),
        scorecards: Vec::new(),
        people: Default::default(),
        introduction: Default::default(),
        deleted: Default::default(),
        accounts: vec![
            KeyAccount {
                id: parent,
                created: ts("2026-01-15T08:00:00Z"),
                modified: ts("2026-11-20T16:45:12.250Z"),
                name: "Rheinwerk Chemie AG".into(),
                industry: "Spezialchemie".into(),
                country: "Deutschland".into(),
                sites: "Ludwigshafen\nAntwerpen\nTarragona".into(),
                kam_responsible: "Jana Becker".into(),
                revenue_last_year: Some(Amount::parse(4_250_000.0).unwrap()),
                notes: "Rahmenvertrag läuft bis 12/2027.".into(),
                parent_id: None,
            },
            KeyAccount {
                id: Uuid::parse_str("6f1c2a4e-8b7d-4c1e-9a35-0d2f7b6e1a02").unwrap(),
                created: ts("2026-02-01T10:15:00Z"),
                modified: ts("2026-02-01T10:15:00Z"),
                name: "Rheinwerk Polymere GmbH".into(),
                industry: "Kunststoffe".into(),
                country: "Deutschland".into(),
                sites: "Marl".into(),
                kam_responsible: "Jana Becker".into(),
                revenue_last_year: None,
                notes: String::new(),
                parent_id: Some(parent),
            },
        ],
    }
}

fn with_account(patch: &str) -> String {
    format!(
        r#"{{"format":"kam-workbench","version":3,"app_version":"0.1.0","exported_at":"2026-11-27T09:30:00.000Z","data":{{"accounts":[{patch}]}}}}"#
    )
}

const GOOD_ACCOUNT: &str = r#"{"id":"00000000-0000-0000-0000-000000000001","created":"2026-01-01T00:00:00Z","modified":"2026-01-01T00:00:00Z","name":"A"}"#;

#[test]
fn the_committed_v1_fixture_loads_to_the_expected_workspace() {
    let decoded = decode(V1_FIXTURE.as_bytes()).unwrap();
    assert_eq!(decoded.workspace, expected_v1_workspace());
    assert_eq!(decoded.version_read, 1);
    assert!(decoded.ignored_fields.is_empty());
}

#[test]
fn the_committed_v3_fixture_loads_unchanged_into_the_current_version() {
    let decoded = decode(V3_FIXTURE.as_bytes()).unwrap();
    assert_eq!(decoded.version_read, 3);
    assert!(decoded.ignored_fields.is_empty());
    let ws = &decoded.workspace;
    assert_eq!(ws.accounts[0].name, "Nordlicht Logistik GmbH");
    assert_eq!(ws.fitness_checks[0].check.respondent, "Petra Sommer");
    assert_eq!(ws.fitness_checks[0].check.answers.len(), 2);
    assert_eq!(ws.fitness_checks[0].step, 2);
    assert!(ws.foundations.strategy.starts_with("Wachstum"));
    assert_eq!(ws.targets.customers[0].account_id, Some(ws.accounts[0].id));
    assert!(ws.deleted.is_empty());
    // Nothing is lost or changed by the migration: written again, the
    // file differs only in its version.
    assert_eq!(
        encode(ws, decoded.exported_at),
        V3_FIXTURE.replace("\"version\": 3", &format!("\"version\": {CURRENT_VERSION}"))
    );
}

#[test]
fn empty_sections_as_every_earlier_version_wrote_them_are_neither_ignored_nor_content() {
    // A version-7 export of a workspace with one account and nothing else:
    // the empty Fitness-Checks, notes and catalogue are written out.
    let file = r#"{"format":"kam-workbench","version":7,"app_version":"0.1.0","exported_at":"2026-11-01T09:00:00.000Z","data":{
        "accounts":[{"id":"3a0b7c1e-5d2f-4e6a-8b9c-0d1e2f3a4b01","created":"2026-11-01T09:00:00.000Z","modified":"2026-11-01T09:00:00.000Z","name":"Nordlicht"}],
        "fitness_checks":[],
        "foundations":{"modified":null,"definition":"","strategy":"","competencies":"","principles":"","customer_orientation":""},
        "fitness_catalogue":null}}"#;
    let decoded = decode(file.as_bytes()).unwrap();
    assert!(
        decoded.ignored_fields.is_empty(),
        "{:?}",
        decoded.ignored_fields
    );
    // Stored and read back by a page that types no section, an empty
    // workspace is still empty, and writes the same text again.
    let now = ts("2026-11-02T10:00:00.000Z");
    let empty = encode_compact(&Workspace::default(), now);
    let untyped = decode_stored(empty.as_bytes()).unwrap().workspace;
    assert!(untyped.is_empty());
    assert_eq!(encode_compact(&untyped, now), empty);
    let mut only_account = decoded.workspace.clone();
    only_account.accounts.clear();
    let stored = decode_stored(encode_compact(&only_account, now).as_bytes()).unwrap();
    assert!(stored.workspace.is_empty());
}

#[test]
fn the_people_section_is_kept_as_read_and_compared_without_typing_it() {
    // "Menschen im KAM" is written and compared through its table of
    // functions: a page that never types it writes it back unchanged, and
    // an untyped copy equals the typed one.
    let mut typed = Workspace::default();
    typed.people.organisation.reporting_line = "Vertriebsleitung".into();
    typed.people.colleagues.push(Colleague {
        id: Uuid::from_u128(7),
        name: "Jana „JB“ Becker".into(),
        availability: Some(2.5),
        ..Colleague::default()
    });
    let now = ts("2026-11-02T10:00:00.000Z");
    let written = encode_compact(&typed, now);
    let untyped = decode_stored(written.as_bytes()).unwrap().workspace;
    assert!(!untyped.is_empty());
    assert_eq!(encode_compact(&untyped, now), written);
    assert_eq!(untyped, typed);
    let mut other = typed.clone();
    other.people.colleagues[0].availability = Some(3.0);
    assert_ne!(untyped, other);
    // The empty section's text is what the app writes for the empty model.
    assert_eq!(
        serde_json::to_string(&kam_workbench::domain::people::People::default()).unwrap(),
        "{}"
    );
    let empty = decode_stored(encode_compact(&Workspace::default(), now).as_bytes())
        .unwrap()
        .workspace;
    assert!(empty.is_empty());
    assert_eq!(empty, Workspace::default());
}

#[test]
fn deleting_an_account_on_a_page_that_typed_no_section_leaves_a_loadable_workspace() {
    // A page of the account analysis reads the workspace without typing
    // the customer list; deleting the account must still unlink its
    // customer, and what it writes must load in full.
    let full = decode(V3_FIXTURE.as_bytes()).unwrap();
    let now = ts("2026-11-02T10:00:00.000Z");
    let mut untyped = decode_stored(encode_compact(&full.workspace, now).as_bytes())
        .unwrap()
        .workspace;
    let id = untyped.accounts[0].id;
    let removed = untyped.remove_account(id, now).unwrap();
    assert_eq!(removed.unlinked_customers.len(), 1);
    let written = encode_compact(&untyped, now);
    let reread = decode(written.as_bytes()).unwrap().workspace;
    assert!(reread.accounts.is_empty());
    assert_eq!(reread.targets.customers[0].account_id, None);
    assert_eq!(
        reread.fitness_checks.len(),
        full.workspace.fitness_checks.len()
    );
}

#[test]
fn case1_text_that_is_not_json_is_refused() {
    assert_eq!(decode(b""), Err(DecodeError::Empty));
    assert_eq!(decode(b"  \n "), Err(DecodeError::Empty));
    let png = [
        0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe,
    ];
    assert_eq!(decode(&png), Err(DecodeError::NotText));
    let csv = "Kunde;Umsatz\nMüller AG;1.200\n";
    assert!(matches!(
        decode(csv.as_bytes()),
        Err(DecodeError::NotJson { line: 1, .. })
    ));
}

#[test]
fn case2_json_of_the_wrong_shape_is_not_our_file() {
    for text in [
        "[]",
        "\"x\"",
        "null",
        "{}",
        "42",
        r#"{"type":"excalidraw","elements":[]}"#,
    ] {
        assert!(
            matches!(
                decode(text.as_bytes()),
                Err(DecodeError::NotOurFormat { .. })
            ),
            "{text} was not refused as a foreign file"
        );
    }
    assert_eq!(
        decode(br#"{"format":"tldraw","version":1}"#),
        Err(DecodeError::NotOurFormat {
            found: Some("tldraw".into())
        })
    );
}

#[test]
fn case3_missing_newer_and_malformed_versions() {
    let envelope = |version: &str| {
        format!(
            r#"{{"format":"kam-workbench","version":{version},"app_version":"9","exported_at":"2026-01-01T00:00:00Z","data":{{}}}}"#
        )
    };
    let newer = (CURRENT_VERSION + 1).to_string();
    assert_eq!(
        decode(envelope(&newer).as_bytes()),
        Err(DecodeError::TooNew {
            version: CURRENT_VERSION + 1
        })
    );
    for bad in ["0", "-1", "1.5", "\"1\"", "null"] {
        assert!(
            matches!(
                decode(envelope(bad).as_bytes()),
                Err(DecodeError::BadVersion { .. })
            ),
            "version {bad} was accepted"
        );
    }
    let no_version = r#"{"format":"kam-workbench","data":{}}"#;
    assert!(matches!(
        decode(no_version.as_bytes()),
        Err(DecodeError::BadVersion { .. })
    ));
}

#[test]
fn case4_an_older_version_is_migrated_step_by_step() {
    // The v1 fixture goes through the real steps (see the first test); here
    // a test chain adds a made-up step on top to pin the runner.
    fn add_settings(mut data: serde_json::Value) -> Result<serde_json::Value, String> {
        data.as_object_mut()
            .ok_or("data is not an object")?
            .insert("settings".into(), serde_json::json!({ "currency": "EUR" }));
        Ok(data)
    }
    fn fail(_: serde_json::Value) -> Result<serde_json::Value, String> {
        Err("broken step".into())
    }
    let chain: &[Migration] = &[MIGRATIONS[0], MIGRATIONS[1], add_settings];
    let decoded = decode_with(V1_FIXTURE.as_bytes(), 4, chain).unwrap();
    assert_eq!(decoded.workspace, expected_v1_workspace());
    assert_eq!(decoded.version_read, 1);
    assert_eq!(decoded.ignored_fields, vec!["data.settings".to_string()]);
    let broken: &[Migration] = &[fail];
    assert_eq!(
        decode_with(V1_FIXTURE.as_bytes(), 2, broken),
        Err(DecodeError::Migration {
            from: 1,
            message: "broken step".into()
        })
    );
}

#[test]
fn case5_a_missing_or_mistyped_field_names_record_and_field() {
    let missing_name = with_account(&format!(
        "{GOOD_ACCOUNT},{}",
        r#"{"id":"00000000-0000-0000-0000-000000000002","created":"2026-01-01T00:00:00Z","modified":"2026-01-01T00:00:00Z"}"#
    ));
    assert_eq!(
        decode(missing_name.as_bytes()),
        Err(DecodeError::Schema {
            path: "data.accounts[1].name".into(),
            problem: SchemaProblem::Missing
        })
    );
    let wrong_type = with_account(
        &GOOD_ACCOUNT.replace(r#""name":"A""#, r#""name":"A","revenue_last_year":"viel""#),
    );
    match decode(wrong_type.as_bytes()) {
        Err(DecodeError::Schema {
            path,
            problem: SchemaProblem::Invalid(_),
        }) => {
            assert_eq!(path, "data.accounts[0].revenue_last_year")
        }
        other => panic!("expected a schema error, got {other:?}"),
    }
    let negative = with_account(
        &GOOD_ACCOUNT.replace(r#""name":"A""#, r#""name":"A","revenue_last_year":-5"#),
    );
    assert!(matches!(
        decode(negative.as_bytes()),
        Err(DecodeError::Schema { .. })
    ));
    let empty_name = with_account(&GOOD_ACCOUNT.replace(r#""name":"A""#, r#""name":"  ""#));
    assert_eq!(
        decode(empty_name.as_bytes()).unwrap_err().to_string(),
        "data.accounts[0].name: must not be empty"
    );
}

#[test]
fn case6_unknown_fields_are_ignored_and_listed() {
    let text =
        with_account(&GOOD_ACCOUNT.replace(r#""name":"A""#, r#""name":"A","colour":"blue""#))
            .replace(r#""data":"#, r#""producer":"other","data":"#);
    let decoded = decode(text.as_bytes()).unwrap();
    assert_eq!(decoded.workspace.accounts[0].name, "A");
    // In the order they appear in the file.
    assert_eq!(
        decoded.ignored_fields,
        vec!["producer".to_string(), "data.accounts.0.colour".to_string()]
    );
}

#[test]
fn case7_duplicate_ids_in_one_file_are_refused_with_both_positions() {
    let text = with_account(&format!("{GOOD_ACCOUNT},{GOOD_ACCOUNT}"));
    let err = decode(text.as_bytes()).unwrap_err();
    assert!(err.to_string().contains("accounts[1]"), "{err}");
    assert!(err.to_string().contains("accounts[0]"), "{err}");
}

#[test]
fn case8_a_dangling_parent_reference_is_rejected() {
    let text = with_account(&GOOD_ACCOUNT.replace(
        r#""name":"A""#,
        r#""name":"A","parent_id":"00000000-0000-0000-0000-0000000000ff""#,
    ));
    assert_eq!(
        decode(text.as_bytes()).unwrap_err().to_string(),
        "data.accounts[0].parent_id: points to an account that does not exist"
    );
}

#[test]
fn case9_proto_and_constructor_are_plain_data() {
    let text = with_account(&GOOD_ACCOUNT.replace(
        r#""name":"A""#,
        r#""name":"__proto__","notes":"constructor","__proto__":{"polluted":true},"constructor":{}"#,
    ));
    let decoded = decode(text.as_bytes()).unwrap();
    assert_eq!(decoded.workspace.accounts[0].name, "__proto__");
    assert_eq!(decoded.workspace.accounts[0].notes, "constructor");
    // The empty "constructor" object holds nothing; "__proto__" is listed.
    assert_eq!(
        decoded.ignored_fields,
        vec!["data.accounts.0.__proto__".to_string()]
    );
}

#[test]
fn case10_deep_nesting_is_a_clean_error() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert_eq!(decode(deep.as_bytes()), Err(DecodeError::TooDeep));
    let deep_in_data = with_account(&format!(
        "{}{}",
        "{\"a\":".repeat(10_000),
        "1}".repeat(10_000)
    ));
    assert_eq!(decode(deep_in_data.as_bytes()), Err(DecodeError::TooDeep));
}

#[test]
fn case11_an_oversized_file_is_refused_by_size() {
    let big = vec![b' '; MAX_FILE_BYTES + 1];
    assert_eq!(
        decode(&big),
        Err(DecodeError::TooLarge {
            bytes: MAX_FILE_BYTES + 1,
            max: MAX_FILE_BYTES
        })
    );
}

#[test]
fn case12_out_of_range_numbers_dates_bom_and_lone_surrogates() {
    let huge = with_account(
        &GOOD_ACCOUNT.replace(r#""name":"A""#, r#""name":"A","revenue_last_year":1e400"#),
    );
    assert!(matches!(
        decode(huge.as_bytes()),
        Err(DecodeError::NumberOutOfRange { .. })
    ));
    let nan = with_account(
        &GOOD_ACCOUNT.replace(r#""name":"A""#, r#""name":"A","revenue_last_year":"NaN""#),
    );
    assert!(matches!(
        decode(nan.as_bytes()),
        Err(DecodeError::Schema { .. })
    ));
    let far_future =
        with_account(&GOOD_ACCOUNT.replace("\"created\":\"2026", "\"created\":\"+12026"));
    assert!(decode(far_future.as_bytes()).is_err());
    let before_1970 =
        with_account(&GOOD_ACCOUNT.replace("\"created\":\"2026", "\"created\":\"1900"));
    match decode(before_1970.as_bytes()) {
        Err(DecodeError::Schema { path, .. }) => assert_eq!(path, "data.accounts[0].created"),
        other => panic!("expected a date error, got {other:?}"),
    }
    let modified_before_created =
        with_account(&GOOD_ACCOUNT.replace("\"modified\":\"2026", "\"modified\":\"2025"));
    assert!(matches!(
        decode(modified_before_created.as_bytes()),
        Err(DecodeError::Invalid(_))
    ));
    let lone_surrogate =
        with_account(&GOOD_ACCOUNT.replace(r#""name":"A""#, r#""name":"A\ud800""#));
    assert!(matches!(
        decode(lone_surrogate.as_bytes()),
        Err(DecodeError::NotJson { .. })
    ));
    let with_bom = format!("\u{feff}{V1_FIXTURE}");
    assert_eq!(
        decode(with_bom.as_bytes()).unwrap().workspace,
        expected_v1_workspace()
    );
}

#[test]
fn case13_markup_and_scripts_in_names_stay_literal_text() {
    let name = r#"<img src=x onerror=alert(1)> \u202eevil"#;
    let text = with_account(&GOOD_ACCOUNT.replace(
        r#""name":"A""#,
        &format!(r#""name":"{name}","notes":"javascript:alert(1)""#),
    ));
    let decoded = decode(text.as_bytes()).unwrap();
    assert_eq!(
        decoded.workspace.accounts[0].name,
        "<img src=x onerror=alert(1)> \u{202e}evil"
    );
    assert_eq!(decoded.workspace.accounts[0].notes, "javascript:alert(1)");
}

#[test]
fn exporting_equal_data_at_the_same_moment_gives_equal_bytes() {
    let now = ts("2026-11-27T12:00:00Z");
    let ws = expected_v1_workspace();
    assert_eq!(encode(&ws, now), encode(&ws.clone(), now));
    let text = encode(&ws, now);
    assert!(
        text.starts_with("{\n  \"format\": \"kam-workbench\",\n  \"version\": 11,"),
        "{text}"
    );
    assert_eq!(CURRENT_VERSION, 11);
}

fn arb_text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            any::<char>().prop_filter("no control characters", |c| !c.is_control()),
            Just('ä'),
            Just('\u{202e}')
        ],
        0..max,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

fn arb_account() -> impl Strategy<Value = KeyAccount> {
    (
        any::<u128>(),
        0i64..4_000_000_000_000,
        0i64..1_000_000_000,
        arb_text(40).prop_filter("a name is required", |s| !s.trim().is_empty()),
        arb_text(30),
        arb_amount(),
        arb_text(200).prop_map(|s| s.replace('\u{0}', "")),
    )
        .prop_map(|(id, created, later, name, industry, revenue, notes)| {
            let created = Timestamp::from_millis(created).unwrap();
            let mut account = AccountDraft {
                name,
                industry,
                revenue_last_year: revenue,
                notes,
                ..Default::default()
            }
            .create(Uuid::from_u128(id), created)
            .unwrap();
            account.modified = Timestamp::from_millis(created.millis() + later).unwrap();
            account
        })
}

/// An amount as people enter it: euros with cents, up to 15 digits. (The
/// files are read with serde_json's standard float parsing, which is exact
/// for such numbers; see docs/PERFORMANCE.md.)
fn arb_amount() -> impl Strategy<Value = Option<f64>> {
    proptest::option::of((0i64..100_000_000_000_000).prop_map(|cents| cents as f64 / 100.0))
}

fn arb_customer() -> impl Strategy<Value = Customer> {
    (
        any::<u128>(),
        arb_text(20),
        arb_text(40).prop_filter("name", |n| !n.trim().is_empty()),
        arb_amount(),
        proptest::option::of(
            (-100_000_000_000_000i64..100_000_000_000_000).prop_map(|cents| cents as f64 / 100.0),
        ),
        arb_amount(),
        proptest::collection::btree_map(
            "c[1-9]",
            (2u8..=10).prop_map(|halves| f64::from(halves) / 2.0),
            0..4,
        ),
    )
        .prop_map(|(id, number, name, revenue, margin, potential, grades)| {
            let mut c = Customer::new(Uuid::from_u128(id), name);
            c.number = number;
            c.revenue = revenue;
            c.margin = margin;
            c.potential = potential;
            c.grades = grades;
            c
        })
}

fn arb_check() -> impl Strategy<Value = FitnessRecord> {
    (
        any::<u128>(),
        0i64..4_000_000_000_000,
        arb_text(30),
        proptest::collection::vec(
            prop_oneof![(0u8..=4).prop_map(Answer::Score), Just(Answer::DontKnow)],
            0..36,
        ),
        any::<bool>(),
    )
        .prop_map(|(id, created, respondent, answers, completed)| {
            let catalogue = Catalogue::built_in();
            let mut check = FitnessCheck::new(catalogue);
            check.respondent = respondent;
            let statements = catalogue.areas.iter().flat_map(|a| &a.statements);
            for (statement, answer) in statements.zip(answers) {
                check.answers.insert(statement.id.clone(), answer);
            }
            let created = Timestamp::from_millis(created).unwrap();
            FitnessRecord {
                id: Uuid::from_u128(id),
                created,
                modified: created,
                check,
                step: 0,
                completed,
            }
        })
}

fn arb_foundations() -> impl Strategy<Value = Foundations> {
    (
        proptest::option::of(0i64..4_000_000_000_000),
        arb_text(60),
        arb_text(60),
    )
        .prop_map(|(modified, strategy, principles)| Foundations {
            modified: modified.map(|m| Timestamp::from_millis(m).unwrap()),
            strategy,
            principles,
            ..Default::default()
        })
}

/// A valid workspace with every record family: accounts (some with a
/// parent), Fitness-Checks, foundations notes, sometimes a trainer's
/// catalogue, a customer list linked to accounts, and deletion records.
fn arb_workspace() -> impl Strategy<Value = Workspace> {
    (
        proptest::collection::vec(arb_account(), 0..8),
        proptest::collection::vec(arb_customer(), 0..6),
        proptest::collection::vec(arb_check(), 0..3),
        arb_foundations(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(mut accounts, mut customers, mut checks, foundations, german, own_catalogue)| {
                accounts.sort_by_key(|a| a.id);
                accounts.dedup_by_key(|a| a.id);
                // Link some accounts to an earlier one as their parent.
                for i in 1..accounts.len() {
                    if accounts[i].id.as_u128() % 3 == 0 {
                        accounts[i].parent_id = Some(accounts[i - 1].id);
                    }
                }
                customers.sort_by_key(|c| c.id);
                customers.dedup_by_key(|c| c.id);
                // Link some customers to key accounts.
                for (customer, account) in customers.iter_mut().zip(&accounts) {
                    if customer.id.as_u128() % 2 == 0 {
                        customer.account_id = Some(account.id);
                    }
                }
                checks.sort_by_key(|c| c.id);
                checks.dedup_by_key(|c| c.id);
                let mut targets = TargetSelection {
                    customers,
                    ..Default::default()
                };
                if german {
                    targets.ensure_criteria(true);
                }
                let mut ws = Workspace {
                    accounts,
                    fitness_checks: checks.into(),
                    foundations: foundations.into(),
                    fitness_catalogue: own_catalogue.then(|| Catalogue::built_in().clone()).into(),
                    targets: targets.into(),
                    ..Default::default()
                };
                // Every third account has a Buying Center.
                for account in ws
                    .accounts
                    .clone()
                    .iter()
                    .filter(|a| a.id.as_u128() % 3 == 0)
                {
                    let mut center = BuyingCenter::default();
                    let mut person = Person::named(account.id, &account.name);
                    person.roles = vec![Role::Decider];
                    person.attitude = Some(-2);
                    person.last_contact = Day::parse("2026-02-28");
                    center.persons.push(person);
                    put_tool::<BuyingCenterTool>(&mut ws, account.id, &center, account.modified)
                        .unwrap();
                    let mut plan = AccountPlan {
                        vision: account.name.clone(),
                        ..AccountPlan::default()
                    };
                    let mut action = Action::new(account.id, "Werksbesuch");
                    action.due = Day::parse("2027-01-31");
                    action.status = Status::InProgress;
                    action.talk = Some(account.id);
                    plan.actions.push(action);
                    put_tool::<PlanTool>(&mut ws, account.id, &plan, account.modified).unwrap();
                    let rival = Uuid::from_u128(account.id.as_u128() ^ 1);
                    let mut requirement = Requirement::new(account.id, "Liefertreue");
                    requirement.importance = Some(5);
                    requirement.ours = Some(3);
                    requirement.set_score(rival, Some(4));
                    let requirements = Requirements {
                        competitors: vec![Competitor {
                            id: rival,
                            name: "Wettbewerber <A>".into(),
                        }],
                        requirements: vec![requirement],
                    };
                    put_tool::<RequirementsTool>(
                        &mut ws,
                        account.id,
                        &requirements,
                        account.modified,
                    )
                    .unwrap();
                    let mut business = Business {
                        sites: vec![Named {
                            id: account.id,
                            name: "Werk Süd".into(),
                        }],
                        groups: vec![Named {
                            id: rival,
                            name: "Ventile".into(),
                        }],
                        demand: Amount::parse(2_000_000.0).ok(),
                        stage: Some(Stage::Cooperative),
                        ..Business::default()
                    };
                    business.revenue.push(RevenueLine {
                        id: account.id,
                        year: 2025,
                        site: Some(account.id),
                        group: None,
                        revenue: Amount::parse(750_000.5).unwrap(),
                        margin: Some(-1_250.25),
                    });
                    business.set_value(account.id, rival, Amount::parse(90_000.0).ok());
                    put_tool::<BusinessTool>(&mut ws, account.id, &business, account.modified)
                        .unwrap();
                    let profile = Profile {
                        employees: Some(2_400),
                        revenue: Amount::parse(1.5e9).ok(),
                        decision_process: "Einkauf prüft,\nGeschäftsführung gibt frei".into(),
                        ..Profile::default()
                    };
                    put_tool::<ProfileTool>(&mut ws, account.id, &profile, account.modified)
                        .unwrap();
                    let mut trend = Trend::new(account.id, "Elektromobilität „jetzt“");
                    trend.meaning = Some(Meaning::Threat);
                    trend.area = Some(Pestle::Technological);
                    let market = Market {
                        customers: vec![Named {
                            id: account.id,
                            name: "Autohaus Nord".into(),
                        }],
                        trends: vec![trend],
                        ..Market::default()
                    };
                    put_tool::<MarketTool>(&mut ws, account.id, &market, account.modified).unwrap();
                    let mut source = Source::new(account.id, "Geschäftsbericht");
                    source.link = "javascript:alert(1)".into();
                    source.reliability = Some(Reliability::High);
                    source.date = Day::parse("2025-04-30");
                    let sources = Sources {
                        sources: vec![source],
                    };
                    put_tool::<SourcesTool>(&mut ws, account.id, &sources, account.modified)
                        .unwrap();
                    let survey = Survey {
                        id: account.id,
                        title: "Befragung „Herbst“".into(),
                        date: Day::parse("2026-10-01"),
                        items: vec![SurveyItem {
                            id: account.id,
                            name: "Liefertreue".into(),
                            importance: Score::of_answers(&[5, 4, 4]),
                            satisfaction: Score::single(2),
                        }],
                        recommendation: Recommendation::of_answers(&[0, 7, 9, 10]).unwrap(),
                    };
                    let surveys = Surveys {
                        surveys: vec![survey],
                    };
                    put_tool::<SatisfactionTool>(&mut ws, account.id, &surveys, account.modified)
                        .unwrap();
                    let mut talk = Talk::new(
                        account.id,
                        2025,
                        Day::parse("2026-02-12"),
                        &[(account.id, "Rückblick „2025“")],
                    );
                    talk.planned_revenue = Amount::parse(800_000.0).ok();
                    talk.participants = "Dr. Anna Berg; Jana Becker".into();
                    talk.agenda[0].notes = "Liefertreue verbessern,\nPreise stabil".into();
                    let talks = Talks { talks: vec![talk] };
                    put_tool::<ReviewTool>(&mut ws, account.id, &talks, account.modified).unwrap();
                    let mut cycle = Cycle::default();
                    cycle.rhythms.set(Step::SatisfactionSurvey, 6).unwrap();
                    cycle.mark(Step::QuarterlyReview, Day::parse("2026-10-15").unwrap());
                    put_tool::<CycleTool>(&mut ws, account.id, &cycle, account.modified).unwrap();
                    // A colleague of the company's list on the account's
                    // team, accountable and responsible for its one task.
                    let person = Uuid::from_u128(account.id.as_u128() ^ 2);
                    ws.people.colleagues.push(Colleague {
                        id: person,
                        name: format!("Kollegin „{}“", account.name),
                        availability: Some(2.5),
                        ..Colleague::default()
                    });
                    let mut team = Team::with_default_tasks(|_| "Angebote".into(), || rival);
                    team.members.push(Member {
                        person,
                        role: "Anwendungstechnik".into(),
                        days: Some(3.5),
                    });
                    team.assign(rival, person, &[Raci::Accountable, Raci::Responsible])
                        .unwrap();
                    team.tasks.truncate(1);
                    put_tool::<TeamTool>(&mut ws, account.id, &team, account.modified).unwrap();
                    let mut card = Scorecard::default();
                    card.add_suggested(|k| (format!("{k:?} „Kennzahl“"), "€".into()), || rival);
                    card.kpis.truncate(1);
                    card.kpis[0].target = Some(1_000_000.0);
                    card.kpis[0].record(Period::parse("2026-Q1").unwrap(), 950_000.5);
                    card.kpis[0].record(Period::parse("2025").unwrap(), -3.25);
                    put_tool::<ScorecardTool>(&mut ws, account.id, &card, account.modified)
                        .unwrap();
                }
                if !ws.people.colleagues.is_empty() {
                    ws.people.organisation.form = Some(OrgForm::AccountTeams);
                    ws.people.modified = Some(Timestamp::from_millis(4_000_000_000_000).unwrap());
                }
                // Every third workspace runs the introduction project:
                // phases with a task done and a risk judged twice.
                if ws.accounts.len() % 3 == 1 {
                    let intro = &mut ws.introduction;
                    let mut n = 0u128;
                    intro.plan_phases(
                        Day::parse("2026-01-05").unwrap(),
                        |_, i| (i < 2).then(|| format!("Aufgabe „{i}“")),
                        || {
                            n += 1;
                            Uuid::from_u128(0xA000 + n)
                        },
                    );
                    intro.phases[0].checklist[0].status = TaskStatus::Done;
                    let mut risk = Risk::new(
                        Uuid::from_u128(0xB000),
                        "Vertrieb zieht nicht mit".into(),
                        Day::parse("2026-01-10").unwrap(),
                        4,
                        4,
                    );
                    risk.judge(Day::parse("2026-03-01").unwrap(), |r| r.probability = 2);
                    intro.risks.push(risk);
                    intro.modified = Some(Timestamp::from_millis(4_000_000_000_000).unwrap());
                }
                // Delete every fifth account, so the file carries deletion records.
                let doomed: Vec<Uuid> = ws
                    .accounts
                    .iter()
                    .map(|a| a.id)
                    .filter(|id| id.as_u128() % 5 == 0)
                    .collect();
                for id in doomed {
                    ws.remove_account(id, Timestamp::from_millis(4_100_000_000_000).unwrap());
                }
                ws
            },
        )
}

/// One thing a user does to the workspace.
#[derive(Debug, Clone)]
enum Op {
    DeleteAccount(usize),
    DeleteAndUndo(usize),
    DeleteCheck(usize),
    Promote(usize),
    Merge(Workspace),
    Replace(Workspace),
}

fn arb_op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0usize..10).prop_map(Op::DeleteAccount),
        (0usize..10).prop_map(Op::DeleteAndUndo),
        (0usize..4).prop_map(Op::DeleteCheck),
        (0usize..8).prop_map(Op::Promote),
        arb_workspace().prop_map(Op::Merge),
        arb_workspace().prop_map(Op::Replace),
    ]
}

fn apply(ws: &mut Workspace, op: Op, step: i64) {
    let now = Timestamp::from_millis(4_200_000_000_000 + step * 1000).unwrap();
    match op {
        Op::DeleteAccount(i) => {
            if let Some(id) = ws.accounts.get(i).map(|a| a.id) {
                ws.remove_account(id, now);
            }
        }
        Op::DeleteAndUndo(i) => {
            if let Some(id) = ws.accounts.get(i).map(|a| a.id) {
                let removed = ws.remove_account(id, now).unwrap();
                ws.restore_account(removed);
            }
        }
        Op::DeleteCheck(i) => {
            if let Some(id) = ws.fitness_checks.get(i).map(|c| c.id) {
                ws.remove_check(id, now);
            }
        }
        Op::Promote(i) => {
            if let Some(id) = ws.targets.customers.get(i).map(|c| c.id) {
                ws.promote_customer(id, Uuid::from_u128(step as u128 + 1), now);
            }
        }
        Op::Merge(other) | Op::Replace(other) if other.accounts.len() > 100 => drop(other),
        Op::Merge(other) => {
            let plan = plan_import(ws, &other, ImportMode::Merge);
            if let Some(result) = plan.applicable() {
                *ws = result.clone();
            }
        }
        Op::Replace(other) => {
            let plan = plan_import(ws, &other, ImportMode::Replace);
            if let Some(result) = plan.applicable() {
                *ws = result.clone();
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// RELIABILITY case 21: export → import gives an equal workspace.
    #[test]
    fn export_then_import_gives_an_equal_workspace(ws in arb_workspace(), millis in 0i64..4_000_000_000_000) {
        let now = Timestamp::from_millis(millis).unwrap();
        let exported = encode(&ws, now);
        let decoded = decode(exported.as_bytes()).unwrap();
        prop_assert_eq!(&decoded.workspace, &ws);
        // The export is the stored text indented, and the indentation is
        // exactly serde_json's pretty printer's (checked on each section,
        // as serde_json writes it).
        let compact = encode_compact(&ws, now);
        prop_assert_eq!(&exported, &indent(&compact));
        for (section, pretty) in [
            (serde_json::to_string(&ws.accounts).unwrap(), serde_json::to_string_pretty(&ws.accounts).unwrap()),
            (serde_json::to_string(&*ws.fitness_checks).unwrap(), serde_json::to_string_pretty(&*ws.fitness_checks).unwrap()),
            (serde_json::to_string(&*ws.targets).unwrap(), serde_json::to_string_pretty(&*ws.targets).unwrap()),
            (serde_json::to_string(&ws.buying_centers).unwrap(), serde_json::to_string_pretty(&ws.buying_centers).unwrap()),
        ] {
            prop_assert_eq!(indent(&section), pretty);
        }
        prop_assert_eq!(decoded.exported_at, now);
        // The compact form kept in localStorage reads back the same, with
        // the import's reader and with the faster one for stored data.
        let stored = decode(compact.as_bytes()).unwrap();
        prop_assert_eq!(&stored.workspace, &ws);
        prop_assert_eq!(decode_stored(compact.as_bytes()).unwrap(), stored);
    }

    /// RELIABILITY case 22: arbitrary bytes never panic the parser.
    #[test]
    fn arbitrary_bytes_are_an_error_never_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = decode(&bytes);
        let _ = decode_stored(&bytes);
    }

    /// Arbitrary JSON-ish text built from the envelope's own tokens.
    #[test]
    fn mangled_envelopes_never_panic(cut in 0usize..900, junk in "[\\[\\]{}\",:0-9a-z\\\\]{0,20}") {
        let text = V1_FIXTURE;
        let cut = cut.min(text.len());
        let cut = (0..=cut).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
        let mangled = format!("{}{}{}", &text[..cut], junk, &text[cut..]);
        // The readers of stored data that type every section accept and
        // refuse the same texts as the reader of users' files; the one that
        // types none accepts at least those.
        let detailed = decode(mangled.as_bytes()).is_ok();
        prop_assert_eq!(detailed, decode_stored_all(mangled.as_bytes()).is_ok());
        prop_assert!(!detailed || decode_stored(mangled.as_bytes()).is_ok());
    }

    /// Saved means loadable: whatever sequence of deletes, undos,
    /// promotions, merges and replaces a user makes, the stored result
    /// loads again (RELIABILITY rule 8, cases 23 and 24).
    #[test]
    fn any_sequence_of_operations_leaves_a_loadable_workspace(
        start in arb_workspace(),
        ops in proptest::collection::vec(arb_op(), 1..6),
    ) {
        let mut ws = start;
        for (step, op) in ops.into_iter().enumerate() {
            apply(&mut ws, op, step as i64);
            let now = Timestamp::from_millis(4_300_000_000_000).unwrap();
            let decoded = decode(encode_compact(&ws, now).as_bytes());
            prop_assert!(decoded.is_ok(), "{:?}", decoded.err());
            prop_assert_eq!(decoded.unwrap().workspace, ws.clone());
        }
    }
}

/// The reader for stored data refuses what the import's reader refuses, for
/// the same reason where that reason is not about a field's place.
#[test]
fn the_reader_for_stored_data_refuses_the_same_texts() {
    let cases = [
        String::new(),
        "not json".to_owned(),
        "[1, 2]".to_owned(),
        r#"{"format":"other","version":1,"data":{}}"#.to_owned(),
        r#"{"format":"kam-workbench","version":99,"data":{}}"#.to_owned(),
        format!("{}{}", "[".repeat(200), "]".repeat(200)),
        with_account(r#"{"name": 5}"#),
        with_account(
            GOOD_ACCOUNT
                .replace("\"name\":\"A\"", "\"name\":\"\"")
                .as_str(),
        ),
    ];
    for text in cases {
        let detailed = decode(text.as_bytes());
        let stored = decode_stored(text.as_bytes());
        match (&detailed, &stored) {
            (
                Err(DecodeError::Schema { problem: a, .. }),
                Err(DecodeError::Schema { problem: b, .. }),
            ) => assert_eq!(
                matches!(a, SchemaProblem::Missing),
                matches!(b, SchemaProblem::Missing),
                "{text}"
            ),
            _ => assert_eq!(detailed, stored, "{text}"),
        }
    }
    // A missing field is named.
    let missing = with_account(
        r#"{"id":"00000000-0000-0000-0000-000000000001","created":"2026-01-01T00:00:00Z","modified":"2026-01-01T00:00:00Z"}"#,
    );
    assert!(matches!(
        decode_stored(missing.as_bytes()),
        Err(DecodeError::Schema { path, problem: SchemaProblem::Missing }) if path == "name"
    ));
    let fixture = decode_stored(V1_FIXTURE.as_bytes()).unwrap();
    assert_eq!(
        fixture.workspace,
        decode(V1_FIXTURE.as_bytes()).unwrap().workspace
    );
}

/// Files of versions 2 and 3 are read directly: the result is what the
/// migration chain gives.
#[test]
fn reading_a_version_3_file_directly_gives_what_migrating_it_gives() {
    let v3 = include_str!("fixtures/workspace-v3.json");
    let direct = decode(v3.as_bytes()).unwrap();
    let migrated = decode_with(v3.as_bytes(), CURRENT_VERSION, MIGRATIONS).unwrap();
    assert_eq!(direct.version_read, 3);
    assert_eq!(direct, migrated);
    assert_eq!(
        decode_stored(v3.as_bytes()).unwrap().workspace,
        migrated.workspace
    );
}

/// A file of the current version is read in one pass; what is wrong with it
/// is still named as before: an array is not our format, a number out of
/// range and a broken string in a field are reported as such, deep nesting
/// (even in an unknown field) is refused.
#[test]
fn current_version_files_get_the_same_error_classes() {
    let v4 = |data: &str| {
        format!(
            r#"{{"format":"kam-workbench","version":4,"app_version":"0.1.0","exported_at":"2026-11-27T09:30:00.000Z","data":{data}}}"#
        )
    };
    for read in [decode, decode_stored] {
        let array = r#"["kam-workbench",4,"0.1.0","2026-01-01T00:00:00.000Z",{}]"#;
        assert_eq!(
            read(array.as_bytes()),
            Err(DecodeError::NotOurFormat { found: None })
        );
        let account = |patch: &str| {
            v4(&format!(
                r#"{{"accounts":[{}]}}"#,
                GOOD_ACCOUNT.replace(r#""name":"A""#, patch)
            ))
        };
        let huge = account(r#""name":"A","revenue_last_year":1e400"#);
        assert!(matches!(
            read(huge.as_bytes()),
            Err(DecodeError::NumberOutOfRange { .. })
        ));
        let surrogate = account(r#""name":"\ud800""#);
        assert!(
            matches!(read(surrogate.as_bytes()), Err(DecodeError::NotJson { .. })),
            "{surrogate}"
        );
        let deep = v4(&format!(
            r#"{{"accounts":[],"x":{}1{}}}"#,
            "[".repeat(200),
            "]".repeat(200)
        ));
        assert_eq!(read(deep.as_bytes()), Err(DecodeError::TooDeep));
        assert!(read(v4("{}").as_bytes()).is_ok());
    }
}

/// A rating outside 1–5, an availability over 31 days or an assessment date
/// given twice in "Menschen im KAM" is refused with its place; nothing is read.
#[test]
fn a_file_with_broken_people_is_refused_with_its_place() {
    let file = |people: &str| {
        format!(
            r#"{{"format":"kam-workbench","version":10,"app_version":"0.1.0","exported_at":"2026-11-28T10:00:00Z","data":{{"people":{people}}}}}"#
        )
    };
    let area = "00000000-0000-0000-0000-000000000001";
    let person = "00000000-0000-0000-0000-000000000002";
    let role = format!(r#""role":{{"areas":[{{"id":"{area}","name":"Verhandeln","target":4}}]}}"#);
    for (colleague, path) in [
        (
            format!(
                r#"{{"id":"{person}","name":"Jana","assessments":[{{"id":"{person}","date":"2026-03-01","ratings":[{{"area":"{area}","own":7}}]}}]}}"#
            ),
            "people.colleagues[0].assessments[0].ratings[0].own",
        ),
        (
            format!(r#"{{"id":"{person}","name":"Jana","availability":40}}"#),
            "people.colleagues[0].availability",
        ),
        (
            format!(
                r#"{{"id":"{person}","name":"Jana","assessments":[{{"id":"{person}","date":"2026-03-01"}},{{"id":"{area}","date":"2026-03-01"}}]}}"#
            ),
            "people.colleagues[0].assessments[1].date",
        ),
    ] {
        let text = file(&format!(r#"{{{role},"colleagues":[{colleague}]}}"#));
        match decode(text.as_bytes()) {
            Err(DecodeError::Invalid(error)) => assert_eq!(error.path(), path),
            other => panic!("{path}: expected a refusal, got {other:?}"),
        }
    }
    let fine = file(&format!(
        r#"{{{role},"colleagues":[{{"id":"{person}","name":"Jana","availability":4.5}}]}}"#
    ));
    assert_eq!(
        decode(fine.as_bytes())
            .unwrap()
            .workspace
            .people
            .colleagues
            .len(),
        1
    );
    // The import page leaves the section as text; the check page of its
    // group reads and checks it, and a file with only people uses that page.
    let broken = file(&format!(
        r#"{{{role},"colleagues":[{{"id":"{person}","name":"Jana","availability":40}}]}}"#
    ));
    let read = decode_file(broken.as_bytes()).expect("the import page reads it");
    assert_eq!(
        read.workspace.tool_groups_used(),
        vec![ToolGroup::Processes]
    );
    let checked = read.workspace.check_tool_group(ToolGroup::Processes);
    assert_eq!(
        checked.map_err(|e| e.path()),
        Err("people.colleagues[0].availability".to_owned())
    );
    let unreadable = file(r#"{"colleagues":[{"id":"x","name":"Jana"}]}"#);
    let read = decode_file(unreadable.as_bytes()).expect("the import page reads it");
    assert!(matches!(
        read.workspace.check_tool_group(ToolGroup::Processes),
        Err(kam_workbench::domain::WorkspaceError::Unreadable { .. })
    ));
}

/// The reader of users' files reads every tool's content and refuses one
/// that no page could show, naming the record and the field; the reader of
/// stored data carries the content along for the tool's page to check.
#[test]
fn a_file_with_broken_tool_content_is_refused_with_its_place() {
    let account = Uuid::from_u128(7);
    // A file of `version` whose only key account has one record of `family`.
    let file = |version: u32, family: &str, content: &str| {
        format!(
            r#"{{"format":"kam-workbench","version":{version},"app_version":"0.1.0","exported_at":"2026-11-28T10:00:00Z",
            "data":{{"accounts":[{{"id":"{account}","created":"2026-01-01T00:00:00Z","modified":"2026-01-01T00:00:00Z","name":"A"}}],
            "{family}":[{{"account_id":"{account}","created":"2026-01-01T00:00:00Z","modified":"2026-01-01T00:00:00Z",
            "data":{content}}}]}}}}"#,
            content = content.replace("ID", &account.to_string())
        )
    };
    let text = file(
        5,
        "buying_centers",
        r#"{"persons":[{"id":"ID","name":"Dr. Berg","influence":7}]}"#,
    );
    // Every tool family, from the format that brought it.
    for (version, family, content, path) in [
        (
            5,
            "buying_centers",
            r#"{"persons":[{"id":"ID","name":"Dr. Berg","influence":7}]}"#,
            "buying_centers[0].data.persons[0].influence",
        ),
        (
            6,
            "requirements",
            r#"{"requirements":[{"id":"ID","text":"Preis","importance":9}]}"#,
            "requirements[0].data.requirements[0].importance",
        ),
        // A link on two lines, a trend of an unknown PESTLE area, too many employees.
        (
            7,
            "information_sources",
            r#"{"sources":[{"id":"ID","name":"Bericht","link":"https://a.example\njavascript:x"}]}"#,
            "information_sources[0].data.sources[0].link",
        ),
        (
            7,
            "markets",
            r#"{"trends":[{"id":"ID","text":"Zölle","area":"military"}]}"#,
            "markets[0].data",
        ),
        (
            7,
            "account_profiles",
            r#"{"employees":20000000}"#,
            "account_profiles[0].data.employees",
        ),
        // A letter for someone who is not on the team.
        (
            10,
            "account_teams",
            r#"{"members":[{"person":"ID"}],"tasks":[{"id":"ID","name":"Reporting","raci":[["00000000-0000-0000-0000-000000000009","accountable"]]}]}"#,
            "account_teams[0].data.tasks[0].raci[0]",
        ),
    ] {
        match decode(file(version, family, content).as_bytes()) {
            Err(DecodeError::Invalid(error)) => assert_eq!(error.path(), path, "{family}"),
            other => panic!("{family}: expected a refusal, got {other:?}"),
        }
    }
    let stored = decode_stored(text.as_bytes()).expect("carried along");
    assert_eq!(stored.workspace.buying_centers.len(), 1);
    assert!(BuyingCenterTool::read(&stored.workspace.buying_centers[0]).is_err());
    // Fixed, both readers take it.
    let fixed = text.replace("\"influence\":7", "\"influence\":5");
    assert_eq!(
        decode(fixed.as_bytes()).unwrap().workspace,
        decode_stored(fixed.as_bytes()).unwrap().workspace
    );
}

/// The introduction project is written and compared without typing it,
/// like the people section, and a file with a broken project is refused
/// on the check page with its place; the import page leaves it as text.
#[test]
fn the_introduction_project_is_kept_as_read_and_a_broken_one_refused_with_its_place() {
    let now = ts("2026-11-28T10:00:00.000Z");
    let mut typed = Workspace::default();
    typed.introduction.risks.push(Risk::new(
        Uuid::from_u128(1),
        "Sponsor „fehlt“".into(),
        Day::parse("2026-11-01").unwrap(),
        2,
        5,
    ));
    let written = encode_compact(&typed, now);
    let untyped = decode_stored(written.as_bytes()).unwrap().workspace;
    assert!(!untyped.is_empty());
    assert_eq!(encode_compact(&untyped, now), written);
    assert_eq!(untyped, typed);
    let mut other = typed.clone();
    other.introduction.risks[0].reviews[0].impact = 4;
    assert_ne!(untyped, other);

    let file = |intro: &str| {
        format!(
            r#"{{"format":"kam-workbench","version":11,"app_version":"0.1.0","exported_at":"2026-11-28T10:00:00Z","data":{{"introduction":{intro}}}}}"#
        )
    };
    let id = "00000000-0000-0000-0000-000000000001";
    for (intro, path) in [
        (
            format!(
                r#"{{"risks":[{{"id":"{id}","title":"A","reviews":[{{"date":"2026-01-01","probability":6,"impact":2}}]}}]}}"#
            ),
            "introduction.risks[0].reviews[0].probability",
        ),
        (
            format!(
                r#"{{"risks":[{{"id":"{id}","title":"A","reviews":[{{"date":"2026-01-01","probability":1,"impact":2}},{{"date":"2026-01-01","probability":2,"impact":2}}]}}]}}"#
            ),
            "introduction.risks[0].reviews[1].date",
        ),
        (
            r#"{"phases":[{"phase":"pilot","start":"2026-05-01","end":"2026-04-30"}]}"#.to_owned(),
            "introduction.phases[0].end",
        ),
        (
            r#"{"bands":{"low_max":12,"high_from":10}}"#.to_owned(),
            "introduction.bands.high_from",
        ),
    ] {
        let text = file(&intro);
        match decode(text.as_bytes()) {
            Err(DecodeError::Invalid(error)) => assert_eq!(error.path(), path),
            other => panic!("{path}: expected a refusal, got {other:?}"),
        }
        let read = decode_file(text.as_bytes()).expect("the import page reads it");
        assert_eq!(
            read.workspace.tool_groups_used(),
            vec![ToolGroup::Processes]
        );
        assert_eq!(
            read.workspace
                .check_tool_group(ToolGroup::Processes)
                .map_err(|e| e.path()),
            Err(path.to_owned())
        );
    }
    let unreadable = file(r#"{"phases":[{"phase":"launch"}]}"#);
    let read = decode_file(unreadable.as_bytes()).expect("the import page reads it");
    assert!(matches!(
        read.workspace.check_tool_group(ToolGroup::Processes),
        Err(kam_workbench::domain::WorkspaceError::Unreadable { .. })
    ));
}

/// A scorecard whose KPI lists a period twice, or holds text for a number,
/// is refused on the check page with its place.
#[test]
fn a_file_with_a_broken_scorecard_is_refused_with_its_place() {
    let account = "00000000-0000-4000-8000-000000000001";
    let file = |kpi: &str| {
        format!(
            r#"{{"format":"kam-workbench","version":11,"app_version":"0.1.0","exported_at":"2026-11-28T10:00:00Z","data":{{"accounts":[{{"id":"{account}","created":"2026-01-01T00:00:00Z","modified":"2026-01-01T00:00:00Z","name":"A"}}],"scorecards":[{{"account_id":"{account}","created":"2026-01-01T00:00:00Z","modified":"2026-01-01T00:00:00Z","data":{{"kpis":[{kpi}]}}}}]}}}}"#
        )
    };
    let twice = r#"{"id":"00000000-0000-4000-8000-000000000002","perspective":"financial","name":"Umsatz","history":[{"period":"2026-Q1","actual":1},{"period":"2026-Q1","actual":2}]}"#;
    let read = decode_file(file(twice).as_bytes()).expect("the import page reads it");
    assert_eq!(
        read.workspace.tool_groups_used(),
        vec![ToolGroup::Processes]
    );
    assert_eq!(
        read.workspace
            .check_tool_group(ToolGroup::Processes)
            .map_err(|e| e.path()),
        Err("scorecards[0].data.kpis[0].history[1].period".to_owned())
    );
    let text = r#"{"id":"00000000-0000-4000-8000-000000000002","perspective":"financial","name":"Umsatz","target":"viel"}"#;
    let read = decode_file(file(text).as_bytes()).expect("the import page reads it");
    assert!(read
        .workspace
        .check_tool_group(ToolGroup::Processes)
        .is_err());
    assert!(matches!(
        decode(file(text).as_bytes()),
        Err(DecodeError::Invalid(_))
    ));
}
