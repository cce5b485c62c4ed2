//! S3 offline: `s3://bucket/key` is the file `<root>/bucket/key`, where the root is
//! `SFN_S3_ROOT`. Every path is resolved here, and none leaves the root: buckets and keys
//! that would (`..`, absolute names, symbolic links to elsewhere) are refused, listings
//! visit each directory once (a link back to a parent is no loop), and files are written
//! without following links.
use std::collections::HashSet;
use std::fs::{DirBuilder, File, OpenOptions};
use std::io::ErrorKind;
use std::path::{Component, Path, PathBuf};

/// Why an S3 location cannot be used. The message is the Map state's failure cause.
#[derive(Debug, thiserror::Error)]
pub enum S3PathError {
    #[error("The specified bucket is not valid. (Service: S3, Status Code: 400) {bucket}: sfn stores buckets as directories of SFN_S3_ROOT, so a bucket name cannot be empty, '.', '..' or contain '/'")]
    InvalidBucket { bucket: String },
    #[error("The specified bucket does not exist. (Service: S3, Status Code: 404) {bucket} (local directory {})", .dir.display())]
    NoSuchBucket { bucket: String, dir: PathBuf },
    #[error("The specified key does not exist. (Service: S3, Status Code: 404) s3://{bucket}/{key} (local file {})", .path.display())]
    NoSuchKey {
        bucket: String,
        key: String,
        path: PathBuf,
    },
    #[error("sfn cannot map s3://{bucket}/{key} to a local file: a key with a '..' segment or a leading '/' would leave SFN_S3_ROOT")]
    UnsafeKey { bucket: String, key: String },
    #[error("s3://{bucket}/{key} is a symbolic link to {}, outside SFN_S3_ROOT ({}): sfn does not follow it", .target.display(), .root.display())]
    Outside {
        bucket: String,
        key: String,
        target: PathBuf,
        root: PathBuf,
    },
    #[error("s3://{bucket}/{key} ({}) is a symbolic link: sfn does not write through links", .path.display())]
    LinkNotWritten {
        bucket: String,
        key: String,
        path: PathBuf,
    },
    #[error("SFN_S3_ROOT ({}) cannot be used: {source}", .root.display())]
    Root {
        root: PathBuf,
        source: std::io::Error,
    },
    #[error("Cannot access s3://{bucket}/{key} ({}): {source}", .path.display())]
    Io {
        bucket: String,
        key: String,
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The directory standing for S3, resolved once (links in the root's own path are fine).
pub struct S3Root {
    root: PathBuf,
}

impl S3Root {
    pub fn new(root: &Path) -> Result<S3Root, S3PathError> {
        let root = root.canonicalize().map_err(|source| S3PathError::Root {
            root: root.to_path_buf(),
            source,
        })?;
        Ok(S3Root { root })
    }

    /// The bucket's directory (resolved), which must exist inside the root.
    pub fn bucket(&self, bucket: &str) -> Result<PathBuf, S3PathError> {
        if bucket.is_empty()
            || bucket == "."
            || bucket == ".."
            || bucket.contains('/')
            || bucket.contains('\0')
        {
            return Err(S3PathError::InvalidBucket {
                bucket: bucket.to_string(),
            });
        }
        let dir = self.root.join(bucket);
        let no_such = || S3PathError::NoSuchBucket {
            bucket: bucket.to_string(),
            dir: dir.clone(),
        };
        let resolved = match dir.canonicalize() {
            Ok(resolved) => resolved,
            Err(e) if e.kind() == ErrorKind::NotFound => return Err(no_such()),
            Err(source) => {
                return Err(S3PathError::Io {
                    bucket: bucket.to_string(),
                    key: String::new(),
                    path: dir.clone(),
                    source,
                })
            }
        };
        // The root itself is no bucket: a link `b -> .` would make every bucket its keys.
        if !resolved.starts_with(&self.root) || resolved == self.root {
            return Err(S3PathError::Outside {
                bucket: bucket.to_string(),
                key: String::new(),
                target: resolved,
                root: self.root.clone(),
            });
        }
        if !resolved.is_dir() {
            return Err(no_such());
        }
        Ok(resolved)
    }

    /// The file of an existing object, resolved; it must be a file inside the root.
    pub fn object(&self, bucket: &str, key: &str) -> Result<PathBuf, S3PathError> {
        check_key(bucket, key)?;
        let dir = self.bucket(bucket)?;
        let path = dir.join(key);
        let no_such = || S3PathError::NoSuchKey {
            bucket: bucket.to_string(),
            key: key.to_string(),
            path: path.clone(),
        };
        let resolved = match path.canonicalize() {
            Ok(resolved) => resolved,
            Err(e) if e.kind() == ErrorKind::NotFound => return Err(no_such()),
            Err(source) => {
                return Err(S3PathError::Io {
                    bucket: bucket.to_string(),
                    key: key.to_string(),
                    path: path.clone(),
                    source,
                })
            }
        };
        self.inside(bucket, key, resolved.clone())?;
        if !resolved.is_file() {
            return Err(no_such());
        }
        Ok(resolved)
    }

    /// Opens an existing object for reading.
    pub fn open(&self, bucket: &str, key: &str) -> Result<File, S3PathError> {
        let path = self.object(bucket, key)?;
        File::open(&path).map_err(|source| S3PathError::Io {
            bucket: bucket.to_string(),
            key: key.to_string(),
            path,
            source,
        })
    }

    /// Every object of the bucket whose key starts with `prefix`, sorted by key, with its
    /// resolved file. Links inside the root are followed, each directory is visited once,
    /// dangling links (editor lock files) are skipped, and a link out of the root fails.
    pub fn list(&self, bucket: &str, prefix: &str) -> Result<Vec<(String, PathBuf)>, S3PathError> {
        let base = self.bucket(bucket)?;
        let mut visited = HashSet::from([base.clone()]);
        let mut keys = Vec::new();
        let mut dirs = vec![(base, String::new())];
        while let Some((dir, dir_key)) = dirs.pop() {
            let io = |source| S3PathError::Io {
                bucket: bucket.to_string(),
                key: dir_key.clone(),
                path: dir.clone(),
                source,
            };
            let mut entries = std::fs::read_dir(&dir)
                .map_err(io)?
                .collect::<Result<Vec<_>, _>>()
                .map_err(io)?;
            entries.sort_by_key(|e| e.file_name());
            for entry in entries {
                let name = entry.file_name().to_string_lossy().into_owned();
                let key = format!("{dir_key}{name}");
                let path = entry.path();
                let file_type = entry.file_type().map_err(|source| S3PathError::Io {
                    bucket: bucket.to_string(),
                    key: key.clone(),
                    path: path.clone(),
                    source,
                })?;
                let resolved = if file_type.is_symlink() {
                    match path.canonicalize() {
                        Ok(resolved) => self.inside(bucket, &key, resolved)?,
                        Err(e) if e.kind() == ErrorKind::NotFound => continue,
                        Err(source) => {
                            return Err(S3PathError::Io {
                                bucket: bucket.to_string(),
                                key,
                                path,
                                source,
                            })
                        }
                    }
                } else {
                    path
                };
                if resolved.is_dir() {
                    if visited.insert(resolved.clone()) {
                        dirs.push((resolved, format!("{key}/")));
                    }
                } else if key.starts_with(prefix) {
                    keys.push((key, resolved));
                }
            }
        }
        keys.sort();
        Ok(keys)
    }

    /// Creates (0700, as needed) the directories of `key_prefix` in the bucket and answers
    /// the last one. An existing link on the way is followed only when it stays inside
    /// the root.
    pub fn create_dirs(&self, bucket: &str, key_prefix: &str) -> Result<PathBuf, S3PathError> {
        check_key(bucket, key_prefix)?;
        let mut dir = self.bucket(bucket)?;
        let mut key = String::new();
        for segment in key_prefix.split('/').filter(|s| !s.is_empty() && *s != ".") {
            key.push_str(segment);
            key.push('/');
            let path = dir.join(segment);
            let io = |source| S3PathError::Io {
                bucket: bucket.to_string(),
                key: key.clone(),
                path: path.clone(),
                source,
            };
            match std::fs::symlink_metadata(&path) {
                Ok(meta) if meta.file_type().is_symlink() => {
                    let resolved = path.canonicalize().map_err(io)?;
                    dir = self.inside(bucket, &key, resolved)?;
                }
                Ok(_) => dir = path,
                Err(e) if e.kind() == ErrorKind::NotFound => {
                    match private_dir_builder().create(&path) {
                        Ok(()) => {}
                        Err(e) if e.kind() == ErrorKind::AlreadyExists => {}
                        Err(source) => return Err(io(source)),
                    }
                    dir = path;
                }
                Err(source) => return Err(io(source)),
            }
            if !dir.is_dir() {
                return Err(S3PathError::Io {
                    bucket: bucket.to_string(),
                    key,
                    path: dir,
                    source: std::io::Error::new(ErrorKind::NotADirectory, "not a directory"),
                });
            }
        }
        Ok(dir)
    }

    /// Creates or truncates the object file `name` in `dir` (from [`S3Root::create_dirs`]),
    /// 0600, never through a link.
    pub fn create_file(
        &self,
        bucket: &str,
        key: &str,
        dir: &Path,
        name: &str,
    ) -> Result<File, S3PathError> {
        let path = dir.join(name);
        let mut options = OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
        }
        options.open(&path).map_err(|source| {
            // O_NOFOLLOW answers ELOOP for a link.
            if source.raw_os_error() == Some(libc::ELOOP) {
                S3PathError::LinkNotWritten {
                    bucket: bucket.to_string(),
                    key: key.to_string(),
                    path: path.clone(),
                }
            } else {
                S3PathError::Io {
                    bucket: bucket.to_string(),
                    key: key.to_string(),
                    path: path.clone(),
                    source,
                }
            }
        })
    }

    fn inside(&self, bucket: &str, key: &str, resolved: PathBuf) -> Result<PathBuf, S3PathError> {
        if resolved.starts_with(&self.root) {
            Ok(resolved)
        } else {
            Err(S3PathError::Outside {
                bucket: bucket.to_string(),
                key: key.to_string(),
                target: resolved,
                root: self.root.clone(),
            })
        }
    }
}

/// Directories `sfn` creates are private to the user (0700), whatever the umask.
pub fn private_dir_builder() -> DirBuilder {
    let mut builder = DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder
}

/// Keys are relative paths under the bucket: no `..` segment, no leading `/`, no NUL.
fn check_key(bucket: &str, key: &str) -> Result<(), S3PathError> {
    let unsafe_key = key.contains('\0')
        || Path::new(key).components().any(|c| {
            matches!(
                c,
                Component::ParentDir | Component::RootDir | Component::Prefix(_)
            )
        });
    if unsafe_key {
        Err(S3PathError::UnsafeKey {
            bucket: bucket.to_string(),
            key: key.to_string(),
        })
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::os::unix::fs::symlink;

    #[test]
    fn an_object_file_that_is_a_link_is_not_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("s3");
        std::fs::create_dir_all(root.join("b/run")).unwrap();
        let secret = dir.path().join("secret.txt");
        std::fs::write(&secret, "keep").unwrap();
        symlink(&secret, root.join("b/run/SUCCEEDED_0.json")).unwrap();
        let s3 = S3Root::new(&root).unwrap();
        let run = s3.create_dirs("b", "run/").unwrap();
        let err = s3
            .create_file("b", "run/SUCCEEDED_0.json", &run, "SUCCEEDED_0.json")
            .err()
            .unwrap();
        assert!(matches!(err, S3PathError::LinkNotWritten { .. }), "{err}");
        assert_eq!(std::fs::read_to_string(&secret).unwrap(), "keep");
        let mut file = s3.create_file("b", "run/x", &run, "x").unwrap();
        file.write_all(b"ok").unwrap();
        assert_eq!(std::fs::read_to_string(run.join("x")).unwrap(), "ok");
    }

    #[test]
    fn a_link_loop_is_an_error_not_a_hang() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("b")).unwrap();
        symlink("loop", dir.path().join("b/loop")).unwrap();
        let s3 = S3Root::new(dir.path()).unwrap();
        assert!(matches!(
            s3.object("b", "loop"),
            Err(S3PathError::Io { .. })
        ));
        assert!(matches!(s3.list("b", ""), Err(S3PathError::Io { .. })));
        // A dangling link is skipped, like an editor's lock file.
        std::fs::remove_file(dir.path().join("b/loop")).unwrap();
        symlink("gone", dir.path().join("b/lock")).unwrap();
        std::fs::write(dir.path().join("b/real"), "x").unwrap();
        let keys: Vec<String> = s3
            .list("b", "")
            .unwrap()
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        assert_eq!(keys, ["real"]);
    }
}
