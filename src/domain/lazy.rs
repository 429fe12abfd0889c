//! A section of the workspace that a page types only when it uses it.
//!
//! Every page reads and writes the whole workspace, so that no page can
//! drop what another wrote. Most pages show only a part of it: the account
//! analysis never shows the customer list or the Fitness-Checks. Such a
//! section stays the JSON text it was read from ([`Lazy`]) and is written
//! back unchanged; only a page that uses it (`Deref`) reads it into its
//! typed model. Everything the workspace does with a section (write it,
//! check it, compare it, copy it) goes through the section's own methods
//! ([`SectionData`]), reached through a table of functions that exists only
//! where a page typed the section, so a page that never types the customer
//! list carries none of its code (docs/PERFORMANCE.md).
//!
//! An area whose pages use a section types it when the workspace is read
//! ([`Lazy::force`]), so that a section that cannot be read is found then,
//! as before, and not at the first use.

use super::workspace::{CheckContext, WorkspaceError};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;
use std::any::Any;
use std::fmt;
use std::marker::PhantomData;
use std::sync::OnceLock;

/// What the workspace needs of a section's typed model.
pub trait SectionData:
    Clone + PartialEq + Default + Serialize + DeserializeOwned + Send + Sync + 'static
{
    /// The section's name in the file format (for messages).
    const NAME: &'static str;
    /// Whether the section holds nothing the user made (it is then left
    /// out of the file).
    fn is_empty(&self) -> bool;
    /// The section's whole check (`edit_only`: the lighter check after an
    /// edit, where the section has one).
    fn check(&self, context: &CheckContext, edit_only: bool) -> Result<(), WorkspaceError>;
    /// Whether the model is written and compared through the table of
    /// functions, so that a page that never types the section carries none
    /// of its writing code. Worth it for a large model that few pages use
    /// ("Menschen im KAM": 4 KB gzip on every page); the small sections are
    /// written directly, which costs the pages that type them less.
    const THROUGH_TABLE: bool = false;
    /// The text of the empty model, for a section written through the
    /// table (what the app writes for it; `Lazy::is_empty` compares with it).
    const EMPTY_TEXT: &'static str = "{}";
}

/// The typed model behind a table of functions.
trait Typed: Any + Send + Sync {
    fn clone_box(&self) -> Box<dyn Typed>;
    fn empty(&self) -> bool;
    fn check(&self, context: &CheckContext, edit_only: bool) -> Result<(), WorkspaceError>;
    fn as_any(&self) -> &dyn Any;
    fn as_any_mut(&mut self) -> &mut dyn Any;
    /// The model as JSON text.
    fn to_text(&self) -> Result<Box<RawValue>, serde_json::Error>;
    /// Whether `other` holds an equal model of the same type.
    fn same(&self, other: &dyn Typed) -> bool;
}

impl<T: SectionData> Typed for T {
    fn clone_box(&self) -> Box<dyn Typed> {
        Box::new(self.clone())
    }
    fn empty(&self) -> bool {
        SectionData::is_empty(self)
    }
    fn check(&self, context: &CheckContext, edit_only: bool) -> Result<(), WorkspaceError> {
        SectionData::check(self, context, edit_only)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
    // Only sections written through the table use these two; for the
    // others they are empty, so that their writing code is not linked twice.
    fn to_text(&self) -> Result<Box<RawValue>, serde_json::Error> {
        if T::THROUGH_TABLE {
            serde_json::value::to_raw_value(self)
        } else {
            RawValue::from_string(String::new())
        }
    }
    fn same(&self, other: &dyn Typed) -> bool {
        T::THROUGH_TABLE && other.as_any().downcast_ref::<T>() == Some(self)
    }
}

/// A section of the workspace: the JSON text it was read from until a page
/// types it.
pub struct Lazy<T> {
    /// The text as read; `None` when the file did not have the section.
    raw: Option<Box<RawValue>>,
    /// The typed model, once a page used it. When set, it is the section.
    typed: OnceLock<Box<dyn Typed>>,
    /// The text could not be read into the model: the model is the empty
    /// one, the text is written back unchanged, and the check says why.
    broken: OnceLock<WorkspaceError>,
    _type: PhantomData<fn() -> T>,
}

impl<T> Default for Lazy<T> {
    fn default() -> Self {
        Lazy {
            raw: None,
            typed: OnceLock::new(),
            broken: OnceLock::new(),
            _type: PhantomData,
        }
    }
}

impl<T: SectionData> From<T> for Lazy<T> {
    fn from(value: T) -> Self {
        let lazy = Lazy::default();
        let _ = lazy.typed.set(Box::new(value));
        lazy
    }
}

impl<T> Lazy<T> {
    fn typed(&self) -> Option<&dyn Typed> {
        self.typed.get().map(|t| &**t)
    }

    /// Checks the section if a page typed it. A section still as read is
    /// unchanged since it was read, and the area that uses it checked it
    /// then ([`Lazy::force`]).
    pub fn check(&self, context: &CheckContext, edit_only: bool) -> Result<(), WorkspaceError> {
        if let Some(error) = self.broken.get() {
            return Err(error.clone());
        }
        self.typed()
            .map_or(Ok(()), |typed| typed.check(context, edit_only))
    }
}

impl<T: SectionData> Lazy<T> {
    /// Whether the section holds nothing the user made: typed, by its
    /// model; still as read, when it is absent or the text of the empty
    /// model (what the app writes for it), so that the answer does not
    /// depend on which page read the workspace.
    pub fn is_empty(&self) -> bool {
        match (self.typed(), &self.raw) {
            (Some(typed), _) if self.broken.get().is_none() => typed.empty(),
            (_, None) => true,
            (_, Some(raw)) if T::THROUGH_TABLE => raw.get() == T::EMPTY_TEXT,
            (_, Some(raw)) => {
                serde_json::to_string(&T::default()).is_ok_and(|empty| raw.get() == empty)
            }
        }
    }

    /// Types the section now; an error says why its text cannot be read
    /// (the section is then left as it was).
    pub fn force(&self) -> Result<(), WorkspaceError> {
        self.force_reporting()
            .map_err(|(error, _)| unreadable::<T>(&error.to_string()))
    }

    /// [`Lazy::force`] with the reader's error and the section's text, so
    /// that the reader of users' files can name the field.
    pub fn force_reporting(&self) -> Result<(), (serde_json::Error, String)> {
        if self.typed.get().is_some() {
            return match (self.broken.get(), &self.raw) {
                (Some(_), Some(raw)) => serde_json::from_str::<T>(raw.get())
                    .map(|_| ())
                    .map_err(|error| (error, raw.get().to_owned())),
                _ => Ok(()),
            };
        }
        let value = match &self.raw {
            None => T::default(),
            Some(raw) => serde_json::from_str::<T>(raw.get())
                .map_err(|error| (error, raw.get().to_owned()))?,
        };
        let _ = self.typed.set(Box::new(value));
        Ok(())
    }

    /// The typed model; a text that cannot be read gives the empty model
    /// and is kept as it was (see [`Lazy::force`], which areas call first).
    fn model(&self) -> &T {
        let typed = self.typed.get_or_init(|| match &self.raw {
            None => Box::new(T::default()),
            Some(raw) => match serde_json::from_str::<T>(raw.get()) {
                Ok(value) => Box::new(value),
                Err(error) => {
                    let _ = self.broken.set(unreadable::<T>(&error.to_string()));
                    Box::new(T::default())
                }
            },
        });
        typed
            .as_any()
            .downcast_ref::<T>()
            .expect("a section holds its own type")
    }
}

fn unreadable<T: SectionData>(message: &str) -> WorkspaceError {
    WorkspaceError::Unreadable {
        section: T::NAME.to_owned(),
        message: message.to_owned(),
    }
}

impl<T: SectionData> std::ops::Deref for Lazy<T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.model()
    }
}

impl<T: SectionData> std::ops::DerefMut for Lazy<T> {
    fn deref_mut(&mut self) -> &mut T {
        self.model();
        if self.broken.get().is_none() {
            // The model is the section now; the text is out of date.
            self.raw = None;
        }
        self.typed
            .get_mut()
            .and_then(|typed| typed.as_any_mut().downcast_mut::<T>())
            .expect("a section holds its own type")
    }
}

impl<T> Clone for Lazy<T> {
    fn clone(&self) -> Self {
        let typed = OnceLock::new();
        if let Some(model) = self.typed() {
            let _ = typed.set(model.clone_box());
        }
        Lazy {
            raw: self.raw.clone(),
            typed,
            broken: self.broken.clone(),
            _type: PhantomData,
        }
    }
}

/// Two sections are equal when their models are (both are typed for it):
/// a section as read equals the same section built in code.
impl<T: SectionData> PartialEq for Lazy<T> {
    fn eq(&self, other: &Self) -> bool {
        if T::THROUGH_TABLE {
            return self.same_through_table(other);
        }
        self.model() == other.model()
    }
}

impl<T: SectionData> Lazy<T> {
    /// The typed model behind the table, if a page typed the section and
    /// could read it.
    fn readable_typed(&self) -> Option<&dyn Typed> {
        self.typed().filter(|_| self.broken.get().is_none())
    }

    /// Equality without typing a section that is still text: two typed
    /// models compare as models, anything else by the text the app writes
    /// for them (the same model always gives the same text).
    fn same_through_table(&self, other: &Self) -> bool {
        if let (Some(a), Some(b)) = (self.readable_typed(), other.readable_typed()) {
            return a.same(b);
        }
        let text = |lazy: &Self| -> Option<String> {
            match (lazy.readable_typed(), &lazy.raw) {
                (Some(typed), _) => typed.to_text().ok().map(|t| t.get().to_owned()),
                (None, Some(raw)) => Some(raw.get().to_owned()),
                (None, None) => Some(T::EMPTY_TEXT.to_owned()),
            }
        };
        text(self) == text(other)
    }
}

impl<T: 'static> Lazy<T> {
    /// The text as read, while no page typed the section.
    pub fn text(&self) -> Option<&str> {
        match self.typed() {
            Some(_) => None,
            None => self.raw.as_deref().map(RawValue::get),
        }
    }

    /// The typed model, if a page typed the section and could read it.
    pub fn readable(&self) -> Option<&T> {
        if self.broken.get().is_some() {
            return None;
        }
        self.typed()?.as_any().downcast_ref::<T>()
    }
}

/// The section as JSON (its model's `Debug` would cost every page that
/// types it the code to print it).
impl<T: SectionData> fmt::Debug for Lazy<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match serde_json::to_string(self) {
            Ok(json) => write!(f, "Lazy({json})"),
            Err(_) => f.write_str("Lazy(?)"),
        }
    }
}

/// A typed section is written from its model, one still as read as the
/// text it was read from. (Writing the model costs every page the code
/// to write it, about 2.5 KB gzip for the four sections together; writing
/// it through a table of functions instead would cost the pages that type
/// them more.)
impl<T: SectionData> Serialize for Lazy<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if T::THROUGH_TABLE {
            return match (self.readable_typed(), &self.raw) {
                (Some(typed), _) => typed
                    .to_text()
                    .map_err(serde::ser::Error::custom)?
                    .serialize(serializer),
                (None, Some(raw)) => raw.serialize(serializer),
                (None, None) => RawValue::from_string(T::EMPTY_TEXT.to_owned())
                    .map_err(serde::ser::Error::custom)?
                    .serialize(serializer),
            };
        }
        match (self.readable(), &self.raw) {
            (Some(model), _) => model.serialize(serializer),
            (None, Some(raw)) => raw.serialize(serializer),
            (None, None) => T::default().serialize(serializer),
        }
    }
}

impl<'de, T> Deserialize<'de> for Lazy<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        Ok(Lazy {
            raw: Some(raw),
            ..Lazy::default()
        })
    }
}
