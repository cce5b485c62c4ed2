//! Map states: item processor, label, ItemReader, ItemBatcher, ResultWriter.
use serde_json::{Map, Value};

use super::{
    codes, expressions, is_forbidden_name_char, resources, Diagnostic, PathKind, QueryLanguage,
    Walker,
};
use crate::asl::ast::{Scope, ScopeKind};

const MAX_LABEL: usize = 40;

impl Walker {
    pub(super) fn map(
        &mut self,
        obj: &Map<String, Value>,
        loc: &str,
        language: QueryLanguage,
        processor: Option<&Scope>,
    ) {
        match processor {
            None => self.schema_error("These fields are required: [ItemProcessor]", loc),
            Some(processor) if processor.kind == ScopeKind::ItemProcessor => {
                let at = &processor.location;
                if let Some(config) = processor
                    .raw
                    .get("ProcessorConfig")
                    .and_then(Value::as_object)
                {
                    if config.get("Mode").and_then(Value::as_str) == Some("DISTRIBUTED")
                        && !config.contains_key("ExecutionType")
                    {
                        self.schema_error(
                            "These fields are required: [ExecutionType]",
                            format!("{at}/ProcessorConfig"),
                        );
                    }
                }
                // A distributed item processor runs as child executions of its own: the
                // parent's machine-wide JSONata setting does not bind its states.
                let saved = self.jsonata_machine;
                self.jsonata_machine &= !processor.distributed;
                self.nested("ItemProcessor", processor);
                self.jsonata_machine = saved;
            }
            Some(iterator) => self.nested("ItemProcessor", iterator),
        }
        if let Some(Value::String(label)) = obj.get("Label") {
            let length = label.chars().count();
            let at = format!("{loc}/Label");
            if length == 0 || length > MAX_LABEL {
                self.out.push(Diagnostic::error(
                    codes::INVALID_LABEL_NAME,
                    format!("Label must be 1 to {MAX_LABEL} characters long"),
                    at,
                ));
            } else if label.chars().any(is_forbidden_name_char) {
                self.out.push(Diagnostic::error(
                    codes::INVALID_LABEL_NAME,
                    "Label contains characters that are not allowed",
                    at,
                ));
            }
        }
        if let Some(Value::Object(reader)) = obj.get("ItemReader") {
            let at = format!("{loc}/ItemReader");
            // Unlike a ResultWriter's, an ItemReader's resource has no default.
            if !reader.contains_key("Resource") {
                self.schema_error("These fields are required: [Resource]", at.clone());
            }
            self.reader_writer(reader, &at, language, resources::is_item_reader);
            if let Some(Value::Object(config)) = reader.get("ReaderConfig") {
                let cat = format!("{at}/ReaderConfig");
                self.integer_not_expression(config, &["MaxItems"], &cat, language);
                if config.contains_key("MaxItems") && config.contains_key("MaxItemsPath") {
                    self.schema_error(
                        "Fields 'MaxItems' and 'MaxItemsPath' are mutually exclusive",
                        cat.clone(),
                    );
                }
                if let Some(Value::String(path)) = config.get("MaxItemsPath") {
                    self.language_only(language, QueryLanguage::JsonPath, "MaxItemsPath", &cat);
                    self.path(
                        path,
                        "MaxItemsPath",
                        &format!("{cat}/MaxItemsPath"),
                        PathKind::Reference,
                    );
                }
            }
        }
        if let Some(Value::Object(writer)) = obj.get("ResultWriter") {
            let at = format!("{loc}/ResultWriter");
            self.reader_writer(writer, &at, language, resources::is_result_writer);
            // AWS takes no default for either: a WriterConfig names both.
            if let Some(Value::Object(config)) = writer.get("WriterConfig") {
                let missing: Vec<&str> = ["OutputType", "Transformation"]
                    .into_iter()
                    .filter(|field| !config.contains_key(*field))
                    .collect();
                if !missing.is_empty() {
                    self.schema_error(
                        format!("These fields are required: [{}]", missing.join(", ")),
                        format!("{at}/WriterConfig"),
                    );
                }
            }
        }
        if let Some(Value::Object(batcher)) = obj.get("ItemBatcher") {
            let at = format!("{loc}/ItemBatcher");
            let limits = ["MaxItemsPerBatch", "MaxInputBytesPerBatch"];
            self.integer_not_expression(batcher, &limits, &at, language);
            for (a, b) in [
                ("MaxItemsPerBatch", "MaxItemsPerBatchPath"),
                ("MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath"),
            ] {
                if batcher.contains_key(a) && batcher.contains_key(b) {
                    self.schema_error(
                        format!("Fields '{a}' and '{b}' are mutually exclusive"),
                        at.clone(),
                    );
                }
                if let Some(Value::String(path)) = batcher.get(b) {
                    self.language_only(language, QueryLanguage::JsonPath, b, &at);
                    self.path(path, b, &format!("{at}/{b}"), PathKind::Reference);
                }
            }
            if language == QueryLanguage::JsonPath {
                if let Some(input) = batcher.get("BatchInput") {
                    self.template(input, &format!("{at}/BatchInput"));
                }
            }
        }
    }

    /// In a JSONPath state a `{% %}` string is just a wrongly typed number.
    fn integer_not_expression(
        &mut self,
        obj: &Map<String, Value>,
        fields: &[&str],
        at: &str,
        language: QueryLanguage,
    ) {
        if language != QueryLanguage::JsonPath {
            return;
        }
        for field in fields {
            let text = obj.get(*field).and_then(Value::as_str);
            if text.is_some_and(|s| expressions::jsonata_body(s).is_some()) {
                self.schema_error("Expected value of type [INTEGER]", format!("{at}/{field}"));
            }
        }
    }

    /// ItemReader / ResultWriter: resource, and Parameters (JSONPath) vs Arguments.
    fn reader_writer(
        &mut self,
        obj: &Map<String, Value>,
        at: &str,
        language: QueryLanguage,
        resource_ok: fn(&str) -> bool,
    ) {
        if let Some(Value::String(resource)) = obj.get("Resource") {
            if !resource_ok(resource) {
                self.schema_error(
                    resources::not_recognized(resource),
                    format!("{at}/Resource"),
                );
            }
        }
        if obj.contains_key("Parameters") {
            self.language_only(language, QueryLanguage::JsonPath, "Parameters", at);
            if language == QueryLanguage::JsonPath {
                self.template(&obj["Parameters"], &format!("{at}/Parameters"));
            }
        }
        if obj.contains_key("Arguments") {
            self.language_only(language, QueryLanguage::Jsonata, "Arguments", at);
        }
    }
}
