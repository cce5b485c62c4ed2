//! A distributed Map's `ItemReader`, `ItemBatcher` and `ResultWriter`, read once into
//! typed forms: what can be computed (parameters, limits, batch input) is a [`Field`] or a
//! [`Payload`] compiled in the state's query language; what is fixed (input type, CSV
//! layout, output shape) is an enum. The validator refuses every shape these parsers
//! refuse, with AWS's messages; the errors here reach callers that skip it.
use serde_json::{Map, Value};

use super::{opt_string, DefinitionError, QueryLanguage};
use crate::asl::field::{BatchLimit, Field, MaxItems, Payload};

/// `ItemReader`: where a distributed Map reads its items.
#[derive(Debug, Clone)]
pub struct ItemReader {
    /// `arn:aws:states:::s3:getObject`, `…:s3:listObjectsV2` (or the `aws-sdk:s3:` forms).
    pub resource: String,
    /// `Parameters` (JSONPath) or `Arguments` (JSONata): `Bucket`, `Key`, `Prefix`.
    pub parameters: Option<Payload>,
    pub config: ReaderConfig,
    /// `ReaderConfig.MaxItems` / `MaxItemsPath`.
    pub max_items: Option<Field<MaxItems>>,
}

/// The fixed part of `ReaderConfig`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReaderConfig {
    /// Absent: `getObject` reads a JSON array.
    pub input_type: Option<InputType>,
    pub csv_header_location: CsvHeaderLocation,
    pub csv_headers: Option<Vec<String>>,
    pub csv_delimiter: CsvDelimiter,
    /// A JSON pointer to the array inside a JSON object.
    pub items_pointer: Option<String>,
}

/// `ItemBatcher`: items are handed to children in batches.
#[derive(Debug, Clone)]
pub struct ItemBatcher {
    /// `MaxItemsPerBatch` / `MaxItemsPerBatchPath`.
    pub max_items_per_batch: Option<Field<BatchLimit>>,
    /// `MaxInputBytesPerBatch` / `MaxInputBytesPerBatchPath`.
    pub max_input_bytes_per_batch: Option<Field<BatchLimit>>,
    /// `BatchInput`: a payload template (JSONPath) or JSONata value.
    pub batch_input: Option<Payload>,
}

/// `ResultWriter`: where (and in which shape) a distributed Map's results go.
#[derive(Debug, Clone)]
pub struct ResultWriter {
    pub resource: Option<String>,
    /// `Parameters` (JSONPath) or `Arguments` (JSONata): `Bucket`, `Prefix`. Without them
    /// results are shaped but not exported.
    pub parameters: Option<Payload>,
    pub config: Option<WriterConfig>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriterConfig {
    pub output_type: Option<OutputType>,
    pub transformation: Option<Transformation>,
}

/// A field whose value is one of a few names.
trait Named: Sized + Copy + 'static {
    const FIELD: &'static str;
    const NAMES: &'static [&'static str];
    const VALUES: &'static [Self];

    fn name(self) -> &'static str
    where
        Self: PartialEq,
    {
        let i = Self::VALUES.iter().position(|v| *v == self).unwrap_or(0);
        Self::NAMES[i]
    }

    fn parse(value: &Value, at: &str) -> Result<Self, DefinitionError> {
        value
            .as_str()
            .and_then(|s| Self::NAMES.iter().position(|n| *n == s))
            .map(|i| Self::VALUES[i])
            .ok_or_else(|| DefinitionError::NotOneOf {
                field: Self::FIELD,
                allowed: Self::NAMES,
                at: format!("{at}/{}", Self::FIELD),
            })
    }

    fn parse_in(obj: &Map<String, Value>, at: &str) -> Result<Option<Self>, DefinitionError> {
        obj.get(Self::FIELD).map(|v| Self::parse(v, at)).transpose()
    }
}

macro_rules! named {
    ($(#[$doc:meta])* $name:ident $(: $derive:ident)?, $field:literal,
     [$($(#[$attr:meta])? $variant:ident = $text:literal),+]) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq $(, $derive)?)]
        pub enum $name {
            $($(#[$attr])? $variant),+
        }

        impl Named for $name {
            const FIELD: &'static str = $field;
            const NAMES: &'static [&'static str] = &[$($text),+];
            const VALUES: &'static [$name] = &[$($name::$variant),+];
        }

        impl $name {
            /// The name as written in the definition.
            pub fn as_str(self) -> &'static str {
                Named::name(self)
            }
        }
    };
}

named!(
    /// `ReaderConfig.InputType`.
    InputType, "InputType",
    [Csv = "CSV", Json = "JSON", Jsonl = "JSONL", Parquet = "PARQUET", Manifest = "MANIFEST"]
);
named!(
    /// `ReaderConfig.CSVHeaderLocation`: `FIRST_ROW` unless given.
    CsvHeaderLocation: Default, "CSVHeaderLocation",
    [#[default] FirstRow = "FIRST_ROW", Given = "GIVEN"]
);
named!(
    /// `ReaderConfig.CSVDelimiter`: `COMMA` unless given.
    CsvDelimiter: Default, "CSVDelimiter",
    [#[default] Comma = "COMMA", Pipe = "PIPE", Semicolon = "SEMICOLON", Space = "SPACE", Tab = "TAB"]
);
named!(
    /// `WriterConfig.OutputType`: `JSON` unless given.
    OutputType: Default, "OutputType",
    [#[default] Json = "JSON", Jsonl = "JSONL"]
);
named!(
    /// `WriterConfig.Transformation`: how each child's output enters the results.
    Transformation, "Transformation",
    [None = "NONE", Compact = "COMPACT", Flatten = "FLATTEN"]
);

impl CsvDelimiter {
    pub fn char(self) -> char {
        match self {
            CsvDelimiter::Comma => ',',
            CsvDelimiter::Pipe => '|',
            CsvDelimiter::Semicolon => ';',
            CsvDelimiter::Space => ' ',
            CsvDelimiter::Tab => '\t',
        }
    }
}

fn object<'a>(
    value: &'a Value,
    field: &str,
    at: &str,
) -> Result<&'a Map<String, Value>, DefinitionError> {
    value
        .as_object()
        .ok_or_else(|| DefinitionError::wrong_type(field, "an object", at.to_string()))
}

/// `Parameters` or, in a JSONata state, `Arguments`.
fn parameters(obj: &Map<String, Value>, language: QueryLanguage) -> Option<Payload> {
    obj.get("Parameters")
        .or_else(|| obj.get("Arguments"))
        .map(|p| Payload::new(p, language))
}

impl ItemReader {
    /// The `ItemReader` of the Map state at `state` (none when absent).
    pub fn parse(
        value: Option<&Value>,
        language: QueryLanguage,
        state: &str,
    ) -> Result<Option<ItemReader>, DefinitionError> {
        let Some(value) = value else { return Ok(None) };
        let at = format!("{state}/ItemReader");
        let obj = object(value, "ItemReader", &at)?;
        let resource =
            opt_string(obj, "Resource", &at)?.ok_or_else(|| DefinitionError::Required {
                field: "Resource",
                at: format!("{at}/Resource"),
            })?;
        let (config, max_items) = match obj.get("ReaderConfig") {
            None => (ReaderConfig::default(), None),
            Some(config) => {
                let at = format!("{at}/ReaderConfig");
                let obj = object(config, "ReaderConfig", &at)?;
                let max_items = Field::pair(obj, "MaxItems", language, false, &at)?;
                (ReaderConfig::parse(obj, &at)?, max_items)
            }
        };
        Ok(Some(ItemReader {
            resource,
            parameters: parameters(obj, language),
            config,
            max_items,
        }))
    }
}

impl ReaderConfig {
    fn parse(obj: &Map<String, Value>, at: &str) -> Result<ReaderConfig, DefinitionError> {
        let csv_headers = match obj.get("CSVHeaders") {
            None => None,
            Some(headers) => {
                let wrong = || {
                    DefinitionError::wrong_type(
                        "CSVHeaders",
                        "an array of strings",
                        format!("{at}/CSVHeaders"),
                    )
                };
                let list = headers.as_array().ok_or_else(wrong)?;
                let names = list.iter().map(|h| h.as_str().map(String::from));
                Some(names.collect::<Option<Vec<_>>>().ok_or_else(wrong)?)
            }
        };
        Ok(ReaderConfig {
            input_type: InputType::parse_in(obj, at)?,
            csv_header_location: CsvHeaderLocation::parse_in(obj, at)?.unwrap_or_default(),
            csv_headers,
            csv_delimiter: CsvDelimiter::parse_in(obj, at)?.unwrap_or_default(),
            // Not in AWS's schema for every reader, so read only when it is a string.
            items_pointer: obj
                .get("ItemsPointer")
                .and_then(Value::as_str)
                .map(String::from),
        })
    }
}

impl ItemBatcher {
    /// The `ItemBatcher` of the Map state at `state` (none when absent).
    pub fn parse(
        value: Option<&Value>,
        language: QueryLanguage,
        state: &str,
    ) -> Result<Option<ItemBatcher>, DefinitionError> {
        let Some(value) = value else { return Ok(None) };
        let at = format!("{state}/ItemBatcher");
        let obj = object(value, "ItemBatcher", &at)?;
        Ok(Some(ItemBatcher {
            max_items_per_batch: Field::pair(obj, "MaxItemsPerBatch", language, false, &at)?,
            max_input_bytes_per_batch: Field::pair(
                obj,
                "MaxInputBytesPerBatch",
                language,
                false,
                &at,
            )?,
            batch_input: obj.get("BatchInput").map(|b| Payload::new(b, language)),
        }))
    }
}

impl ResultWriter {
    /// The `ResultWriter` of the Map state at `state` (none when absent).
    pub fn parse(
        value: Option<&Value>,
        language: QueryLanguage,
        state: &str,
    ) -> Result<Option<ResultWriter>, DefinitionError> {
        let Some(value) = value else { return Ok(None) };
        let at = format!("{state}/ResultWriter");
        let obj = object(value, "ResultWriter", &at)?;
        let config = match obj.get("WriterConfig") {
            None => None,
            Some(config) => {
                let at = format!("{at}/WriterConfig");
                let obj = object(config, "WriterConfig", &at)?;
                Some(WriterConfig {
                    output_type: OutputType::parse_in(obj, &at)?,
                    transformation: Transformation::parse_in(obj, &at)?,
                })
            }
        };
        Ok(Some(ResultWriter {
            resource: opt_string(obj, "Resource", &at)?,
            parameters: parameters(obj, language),
            config,
        }))
    }

    /// How children's outputs enter the results: as written, else `NONE` when exporting
    /// and `COMPACT` when only shaping the output (AWS's defaults).
    pub fn transformation(&self) -> Transformation {
        match self.config.and_then(|c| c.transformation) {
            Some(t) => t,
            None if self.parameters.is_some() => Transformation::None,
            None => Transformation::Compact,
        }
    }

    pub fn output_type(&self) -> OutputType {
        self.config.and_then(|c| c.output_type).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::asl::definition::{parse, Kind, MapState};
    use crate::asl::field::Scope;
    use crate::asl::validate::{self, MachineType};
    use crate::asl::vars::NoVariables;

    /// A machine whose one state is a distributed Map with `fields` added.
    fn machine(fields: Value, language: &str) -> Value {
        let mut map = json!({"Type": "Map", "End": true, "QueryLanguage": language,
            "ItemProcessor": {
                "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                "StartAt": "B", "States": {"B": {"Type": "Succeed"}}}});
        for (k, v) in fields.as_object().unwrap() {
            map[k] = v.clone();
        }
        json!({"StartAt": "M", "States": {"M": map}})
    }

    fn map_state(fields: Value, language: &str) -> MapState {
        let machine = parse(&machine(fields, language)).unwrap();
        let Kind::Map(map) = &machine.state(0, "M").unwrap().kind else {
            panic!("M is a Map")
        };
        (**map).clone()
    }

    #[test]
    fn a_jsonpath_reader_batcher_and_writer_are_typed() {
        let map = map_state(
            json!({
                "ItemReader": {
                    "Resource": "arn:aws:states:::s3:getObject",
                    "Parameters": {"Bucket": "b", "Key.$": "$.key"},
                    "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "GIVEN",
                        "CSVHeaders": ["a", "b"], "CSVDelimiter": "TAB", "MaxItemsPath": "$.n"}},
                "ItemBatcher": {"MaxItemsPerBatch": 2, "MaxInputBytesPerBatchPath": "$.bytes",
                    "BatchInput": {"run.$": "$.run"}},
                "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject",
                    "Parameters": {"Bucket": "out", "Prefix": "p"}}
            }),
            "JSONPath",
        );
        let input = json!({"key": "k.csv", "n": 7, "bytes": 1024, "run": "r1"});
        let scope = Scope::new(&input, &Value::Null, &NoVariables);
        let reader = map.item_reader.unwrap();
        assert_eq!(reader.resource, "arn:aws:states:::s3:getObject");
        assert_eq!(
            reader
                .parameters
                .unwrap()
                .evaluate("Parameters", &scope)
                .unwrap(),
            json!({"Bucket": "b", "Key": "k.csv"})
        );
        assert_eq!(
            reader.config,
            ReaderConfig {
                input_type: Some(InputType::Csv),
                csv_header_location: CsvHeaderLocation::Given,
                csv_headers: Some(vec!["a".into(), "b".into()]),
                csv_delimiter: CsvDelimiter::Tab,
                items_pointer: None,
            }
        );
        let max_items = reader.max_items.unwrap();
        assert_eq!(max_items.path(), Some("$.n"));
        assert_eq!(max_items.resolve(&scope), Ok(MaxItems(7)));
        let batcher = map.item_batcher.unwrap();
        let per_batch = batcher.max_items_per_batch.unwrap();
        assert_eq!(per_batch.resolve(&scope), Ok(BatchLimit(Some(2))));
        let bytes = batcher.max_input_bytes_per_batch.unwrap();
        assert_eq!(bytes.resolve(&scope), Ok(BatchLimit(Some(1024))));
        assert_eq!(
            batcher
                .batch_input
                .unwrap()
                .evaluate("BatchInput", &scope)
                .unwrap(),
            json!({"run": "r1"})
        );
        let writer = map.result_writer.unwrap();
        assert_eq!(
            writer.resource.as_deref(),
            Some("arn:aws:states:::s3:putObject")
        );
        // Exporting without a WriterConfig: AWS writes the children's records whole.
        assert_eq!(writer.transformation(), Transformation::None);
        assert_eq!(writer.output_type(), OutputType::Json);
    }

    #[test]
    fn a_jsonata_reader_and_writer_compute_their_fields() {
        let map = map_state(
            json!({
                "ItemReader": {
                    "Resource": "arn:aws:states:::s3:listObjectsV2",
                    "Arguments": {"Bucket": "{% $states.input.bucket %}"},
                    "ReaderConfig": {"MaxItems": "{% $states.input.n + 1 %}"}},
                "ItemBatcher": {"MaxItemsPerBatch": "{% 3 %}"},
                "ResultWriter": {"WriterConfig": {"OutputType": "JSONL", "Transformation": "FLATTEN"}}
            }),
            "JSONata",
        );
        let input = json!({"bucket": "in", "n": 4});
        let states = json!({"input": input});
        let scope = Scope::new(&input, &Value::Null, &NoVariables).with_states(&states);
        let reader = map.item_reader.unwrap();
        assert_eq!(reader.config, ReaderConfig::default());
        assert_eq!(
            reader
                .parameters
                .unwrap()
                .evaluate("Arguments", &scope)
                .unwrap(),
            json!({"Bucket": "in"})
        );
        let max_items = reader.max_items.unwrap();
        assert!(max_items.is_jsonata());
        assert_eq!(max_items.resolve(&scope), Ok(MaxItems(5)));
        let per_batch = map.item_batcher.unwrap().max_items_per_batch.unwrap();
        assert_eq!(per_batch.resolve(&scope), Ok(BatchLimit(Some(3))));
        let writer = map.result_writer.unwrap();
        assert!(writer.parameters.is_none() && writer.resource.is_none());
        assert_eq!(writer.transformation(), Transformation::Flatten);
        assert_eq!(writer.output_type(), OutputType::Jsonl);
        // Shaping only, no WriterConfig: COMPACT.
        let writer = map_state(json!({"ResultWriter": {}}), "JSONata").result_writer;
        assert_eq!(writer.unwrap().transformation(), Transformation::Compact);
    }

    /// What the typed forms refuse, the validator refuses first, with AWS's diagnostics.
    #[test]
    fn invalid_shapes_are_refused_by_the_validator_and_by_the_parser() {
        let reader = |config: Value| {
            json!({"ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
                "Parameters": {"Bucket": "b", "Key": "k"}, "ReaderConfig": config}})
        };
        let cases = [
            (json!({"ItemReader": "s3"}), "ItemReader must be an object at /States/M/ItemReader"),
            (
                json!({"ItemReader": {"Parameters": {"Bucket": "b"}}}),
                "Resource is required at /States/M/ItemReader/Resource",
            ),
            (
                reader(json!({"InputType": "XML"})),
                "InputType must be one of [CSV, JSON, JSONL, PARQUET, MANIFEST] at /States/M/ItemReader/ReaderConfig/InputType",
            ),
            (
                reader(json!({"CSVDelimiter": "COLON"})),
                "CSVDelimiter must be one of [COMMA, PIPE, SEMICOLON, SPACE, TAB] at /States/M/ItemReader/ReaderConfig/CSVDelimiter",
            ),
            (
                reader(json!({"CSVHeaders": ["a", 1]})),
                "CSVHeaders must be an array of strings at /States/M/ItemReader/ReaderConfig/CSVHeaders",
            ),
            (
                reader(json!({"MaxItemsPath": 3})),
                "MaxItemsPath must be a string at /States/M/ItemReader/ReaderConfig/MaxItemsPath",
            ),
            (
                json!({"ItemBatcher": {"MaxItemsPerBatchPath": 2}}),
                "MaxItemsPerBatchPath must be a string at /States/M/ItemBatcher/MaxItemsPerBatchPath",
            ),
            (json!({"ItemBatcher": []}), "ItemBatcher must be an object at /States/M/ItemBatcher"),
            (
                json!({"ResultWriter": {"WriterConfig": {"OutputType": "CSV", "Transformation": "NONE"}}}),
                "OutputType must be one of [JSON, JSONL] at /States/M/ResultWriter/WriterConfig/OutputType",
            ),
            (
                json!({"ResultWriter": {"WriterConfig": "COMPACT"}}),
                "WriterConfig must be an object at /States/M/ResultWriter/WriterConfig",
            ),
        ];
        for (fields, message) in cases {
            let definition = machine(fields, "JSONPath");
            let diagnostics = validate::validate(&definition.to_string(), MachineType::Standard);
            assert!(validate::has_errors(&diagnostics), "{definition}");
            let error = parse(&definition).unwrap_err();
            assert_eq!(error.to_string(), message);
            // The validator reports the same problem on the same path (at the field, the
            // object holding it, or an item inside it).
            let at = error.location().unwrap();
            assert!(
                diagnostics.iter().any(|d| !d.location.is_empty()
                    && (at.starts_with(d.location.as_str()) || d.location.starts_with(at))),
                "{at}: {diagnostics:?}"
            );
        }
    }
}
