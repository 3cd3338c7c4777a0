//! Command arguments that fail as Margin's errors do. Tauri turns an argument it cannot
//! deserialise (a number where a string belongs, a missing field) into a bare string before the
//! command runs; [`Arg`] makes it the `{kind: "invalid_input", message}` every other refusal is,
//! so the UI (and anything else calling) has one shape to handle.

use serde::Deserialize;
use tauri::ipc::{CommandArg, CommandItem, InvokeError};
use tauri::Runtime;

/// An argument of type `T`, deserialised as Tauri does, refused as `invalid_input`.
pub struct Arg<T>(pub T);

impl<'de, T: Deserialize<'de>, R: Runtime> CommandArg<'de, R> for Arg<T> {
    fn from_command(command: CommandItem<'de, R>) -> Result<Self, InvokeError> {
        let (name, key) = (command.name, command.key);
        T::deserialize(command).map(Arg).map_err(|e| {
            // serde quotes what it could not read (an unknown variant, say): cut and escaped.
            let why: String = e
                .to_string()
                .chars()
                .take(200)
                .flat_map(char::escape_debug)
                .collect();
            let error = margin_core::Error::InvalidInput(format!(
                "{name}: the argument {key} is not valid: {why}"
            ));
            InvokeError::from(serde_json::to_value(&error).unwrap_or_default())
        })
    }
}
