//! `[catalog] language` and `[locales.TAG.errors.CODE]` (SPEC 9.4), in the root file
//! and in included ones.

use std::path::Path;

use errors_catalog::Catalog;

#[test]
fn translations_from_every_file_attach_to_their_codes_in_locale_order() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("locales_included");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("catalog.toml"),
        "[catalog]\nlanguage = \"de\"\ninclude = \"more.toml\"\n\n\
         [errors.GONE]\nstatus = 410\nmessage = \"Weg: {what}.\"\ndetails.what = \"string\"\n\n\
         [locales.fr.errors.GONE]\nmessage = \"Parti : {what}.\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("more.toml"),
        "[errors.BUSY]\nstatus = 503\nmessage = \"Beschäftigt.\"\n\n\
         [locales.it.errors.GONE]\nmessage = \"Andato: {what}.\"\n\n\
         [locales.fr.errors.BUSY]\nmessage = \"Occupé.\"\n",
    )
    .unwrap();
    let catalog =
        Catalog::load(dir.join("catalog.toml")).unwrap_or_else(|d| panic!("{}", d.render()));
    assert_eq!(catalog.language, "de");
    assert_eq!(catalog.locales, ["fr", "it"]);
    let gone = catalog.error("GONE").unwrap();
    let tags: Vec<_> = gone
        .translations
        .iter()
        .map(|t| t.locale.as_str())
        .collect();
    assert_eq!(tags, ["fr", "it"]);
    assert_eq!(gone.translations[1].message.source, "Andato: {what}.");
    assert_eq!(
        catalog.error("BUSY").unwrap().translations[0]
            .message
            .source,
        "Occupé."
    );
}

#[test]
fn the_primary_language_defaults_to_english() {
    let catalog =
        Catalog::from_str("c.toml", "[errors.X]\nstatus = 400\nmessage = \"x\"\n").unwrap();
    assert_eq!(catalog.language, "en");
    assert!(catalog.locales.is_empty());
}

#[test]
fn every_locale_problem_is_reported_at_its_line() {
    let text = "[catalog]\nlanguage = \"en_US\"\n\n\
                [errors.X]\nstatus = 400\nmessage = \"Bad {n}.\"\ndetails.n = \"u32\"\n\n\
                [locales.fr.errors.X]\nmessage = \"Mauvais {n:>3}.\"\n";
    let problems = Catalog::from_str("c.toml", text).unwrap_err().render();
    assert!(
        problems.contains("`en_US` is not a language tag\n --> c.toml:2:12"),
        "{problems}"
    );
    assert!(
        problems
            .contains("the `fr` message of `X` has `{n:>3}` in place of `{n}`\n  --> c.toml:10:11"),
        "{problems}"
    );
}

#[test]
fn a_translation_twice_or_without_a_message_is_refused() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("locales_twice");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("catalog.toml"),
        "[catalog]\ninclude = \"more.toml\"\n\n[errors.X]\nstatus = 400\nmessage = \"x\"\n\n\
         [locales.fr.errors.X]\nmessage = \"y\"\n\n[locales.de.errors.X]\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("more.toml"),
        "[locales.FR.errors.X]\nmessage = \"z\"\n",
    )
    .unwrap();
    let problems = Catalog::load(dir.join("catalog.toml"))
        .unwrap_err()
        .render();
    assert!(
        problems.contains("`X` is translated into `FR` twice"),
        "{problems}"
    );
    assert!(
        problems.contains("`[locales.de.errors.X]` has no `message`"),
        "{problems}"
    );
}

/// A message chosen by a field has one template per value: a translation (one
/// template) cannot follow it, and a translation is never a `{ by, values }` table.
#[test]
fn a_message_chosen_by_a_field_has_no_translations() {
    let text = "[errors.TAKEN]\nstatus = 409\n\
                message = { by = \"field\", values = { email = \"Email taken\", name = \"Name taken\" } }\n\
                details.field = { type = { enum = [\"email\", \"name\"] } }\n\n\
                [locales.fr.errors.TAKEN]\nmessage = \"Déjà pris\"\n\n\
                [errors.X]\nstatus = 400\nmessage = \"x\"\n\n\
                [locales.fr.errors.X]\nmessage = { by = \"a\", values = { b = \"c\" } }\n";
    let problems = Catalog::from_str("c.toml", text).unwrap_err().render();
    assert!(
        problems.contains(
            "error: the message of `TAKEN` is chosen by a field (`message = { by, values }`): it has no translations\n --> c.toml:7:11"
        ),
        "{problems}"
    );
    assert!(
        problems.contains(
            "remove `[locales.fr.errors.TAKEN]`: the code is sent in the primary language"
        ),
        "{problems}"
    );
    assert!(
        problems.contains(
            "error: `[locales.fr.errors.X]`'s `message` is a table: a translation is one template\n  --> c.toml:14:11"
        ),
        "{problems}"
    );
}
