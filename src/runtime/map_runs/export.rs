//! Exporting a map run's results (`ResultWriter`): the result files and the manifest.
use super::*;

/// One exported results file (`SUCCEEDED_0.json`, `FAILED_0.json`), written as it goes.
struct ResultFile {
    key: String,
    path: PathBuf,
    out: BufWriter<File>,
    jsonl: bool,
    entries: u64,
}

impl ResultFile {
    fn create(export: &Export, name: &str) -> Result<Self, StatesError> {
        let key = format!("{}{name}", export.key_prefix);
        let file = export
            .root
            .create_file(&export.bucket, &key, &export.dir, name)
            .map_err(s3_failed)?;
        Ok(ResultFile {
            key,
            path: export.dir.join(name),
            out: BufWriter::new(file),
            jsonl: export.jsonl,
            entries: 0,
        })
    }

    fn push(&mut self, entry: &Value) -> Result<(), StatesError> {
        let sep = match (self.jsonl, self.entries) {
            (true, 0) => "",
            (true, _) => "\n",
            (false, 0) => "[",
            (false, _) => ",",
        };
        self.entries += 1;
        write!(self.out, "{sep}{}", to_text(entry)).map_err(|e| writer_failed(&self.path, e))
    }

    fn finish(mut self) -> Result<Value, StatesError> {
        let end = if self.jsonl { "" } else { "]" };
        write!(self.out, "{end}")
            .and_then(|_| self.out.flush())
            .map_err(|e| writer_failed(&self.path, e))?;
        let size = std::fs::metadata(&self.path).map(|m| m.len()).unwrap_or(0);
        Ok(json!({"Key": self.key, "Size": size}))
    }
}

fn s3_failed(e: S3PathError) -> StatesError {
    StatesError::new(names::RESULT_WRITER_FAILED, e.to_string())
}

fn writer_failed(path: &Path, e: impl std::fmt::Display) -> StatesError {
    StatesError::new(
        names::RESULT_WRITER_FAILED,
        format!(
            "Cannot write the map run results to {}: {e}",
            path.display()
        ),
    )
}

/// Where results are exported: `<root>/<Bucket>/<Prefix>/<run id>/`.
pub(super) struct Export {
    root: S3Root,
    bucket: String,
    dir: PathBuf,
    /// `<Prefix>/<run id>/`, the start of every key.
    key_prefix: String,
    jsonl: bool,
    succeeded: Option<ResultFile>,
    failed: Option<ResultFile>,
}

impl Export {
    pub(super) fn open(
        root: Option<&Path>,
        params: &Value,
        run_id: &str,
        jsonl: bool,
    ) -> Result<Export, StatesError> {
        let Some(root) = root else {
            return Err(StatesError::new(
                names::RESULT_WRITER_FAILED,
                "sfn writes ResultWriter objects to local files: s3://<bucket>/<key> is \
                 $SFN_S3_ROOT/<bucket>/<key>, and the environment variable SFN_S3_ROOT is not set",
            ));
        };
        let bucket = params
            .get("Bucket")
            .and_then(Value::as_str)
            .ok_or_else(|| {
                StatesError::new(
                    names::RESULT_WRITER_FAILED,
                    "The field 'Bucket' is required by the ResultWriter Parameters",
                )
            })?
            .to_string();
        let prefix = params
            .get("Prefix")
            .and_then(Value::as_str)
            .unwrap_or("")
            .trim_end_matches('/');
        let key_prefix = if prefix.is_empty() {
            format!("{run_id}/")
        } else {
            format!("{prefix}/{run_id}/")
        };
        let root = S3Root::new(root).map_err(s3_failed)?;
        let dir = root.create_dirs(&bucket, &key_prefix).map_err(s3_failed)?;
        Ok(Export {
            root,
            bucket,
            dir,
            key_prefix,
            jsonl,
            succeeded: None,
            failed: None,
        })
    }

    pub(super) fn push(&mut self, succeeded: bool, entry: &Value) -> Result<(), StatesError> {
        let name = if succeeded {
            "SUCCEEDED_0.json"
        } else {
            "FAILED_0.json"
        };
        let missing = if succeeded {
            self.succeeded.is_none()
        } else {
            self.failed.is_none()
        };
        let created = if missing {
            Some(ResultFile::create(self, name)?)
        } else {
            None
        };
        let slot = if succeeded {
            &mut self.succeeded
        } else {
            &mut self.failed
        };
        if let Some(file) = created {
            *slot = Some(file);
        }
        match slot {
            Some(file) => file.push(entry),
            None => Ok(()),
        }
    }

    /// Closes the files and writes `manifest.json`; answers its key.
    pub(super) fn finish(self, map_run_arn: &str) -> Result<(String, String), StatesError> {
        let list = |f: Option<ResultFile>| -> Result<Vec<Value>, StatesError> {
            f.map(ResultFile::finish).into_iter().collect()
        };
        let manifest = json!({
            "DestinationBucket": self.bucket,
            "MapRunArn": map_run_arn,
            "ResultFiles": {
                "FAILED": list(self.failed)?,
                "PENDING": [],
                "SUCCEEDED": list(self.succeeded)?,
            },
        });
        let key = format!("{}manifest.json", self.key_prefix);
        let path = self.dir.join("manifest.json");
        self.root
            .create_file(&self.bucket, &key, &self.dir, "manifest.json")
            .map_err(s3_failed)?
            .write_all(to_text(&manifest).as_bytes())
            .map_err(|e| writer_failed(&path, e))?;
        Ok((self.bucket, format!("{}manifest.json", self.key_prefix)))
    }
}

/// A finished child, as the result files show it (`Transformation: NONE`).
pub(super) fn child_entry(record: &ExecutionRecord) -> Value {
    let mut e = Map::new();
    e.insert("ExecutionArn".into(), record.arn.clone().into());
    e.insert("Input".into(), record.input.clone().into());
    e.insert("InputDetails".into(), json!({"Included": true}));
    e.insert("Name".into(), record.name.clone().into());
    if let Some(o) = &record.output {
        e.insert("Output".into(), o.clone().into());
        e.insert("OutputDetails".into(), json!({"Included": true}));
    }
    if let Some(err) = &record.error {
        e.insert("Error".into(), err.clone().into());
    }
    if let Some(c) = &record.cause {
        e.insert("Cause".into(), c.clone().into());
    }
    e.insert("RedriveCount".into(), 0.into());
    let succeeded = record.status == "SUCCEEDED";
    e.insert(
        "RedriveStatus".into(),
        if succeeded {
            "NOT_REDRIVABLE"
        } else {
            "REDRIVABLE"
        }
        .into(),
    );
    if succeeded {
        e.insert(
            "RedriveStatusReason".into(),
            "Execution is SUCCEEDED and cannot be redriven".into(),
        );
    }
    // As the results files on S3 show dates: UTC, milliseconds.
    let date = |t: &str| {
        Value::String(
            parse_date(t)
                .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
                .unwrap_or_default(),
        )
    };
    e.insert("StartDate".into(), date(&record.start_date));
    e.insert(
        "StateMachineArn".into(),
        record.state_machine_arn.clone().into(),
    );
    e.insert("Status".into(), record.status.clone().into());
    if let Some(stop) = &record.stop_date {
        e.insert("StopDate".into(), date(stop));
    }
    Value::Object(e)
}
