//! `nexushr.resumes.v1.ResumeIngestion`: resume files in, structured and confidence-scored
//! resumes out.
//!
//! Files stream in under a size limit and are parsed by `nexushr-resume-parser` off the async
//! runtime within time and memory bounds. A readable resume is stored with its file and a
//! `ResumeParsed` event in one transaction; a file that cannot be read gets a typed error and
//! nothing is stored. DeleteResume is an erasure: the record, the file and undelivered events
//! go, and a `ResumeErased` event tells other services to drop what they derived.

pub use nexushr_resume_wire as convert;
pub mod server;
pub mod service;
pub mod store;

pub use service::{Config, ResumeService};
pub use store::ResumeStore;
