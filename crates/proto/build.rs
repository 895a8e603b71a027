//! Generates the NexusHR API from `proto/` with a vendored `protoc`, so no system install is needed.
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // At run time, not `env!`: a build script compiled for one clone may run for another that
    // shares the target directory, and must read that clone's protos.
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?).join("../../proto");
    let files = [
        "nexushr/common/v1/common.proto",
        "nexushr/catalog/v1/catalog.proto",
        "nexushr/resumes/v1/resumes.proto",
        "nexushr/questions/v1/questions.proto",
        "nexushr/events/v1/events.proto",
    ]
    .map(|f| root.join(f));
    // SAFETY of the call: build scripts are single-threaded.
    unsafe { std::env::set_var("PROTOC", protoc_bin_vendored::protoc_bin_path()?) };
    let include = protoc_bin_vendored::include_path()?;
    let out = PathBuf::from(std::env::var("OUT_DIR")?);
    tonic_prost_build::configure()
        .file_descriptor_set_path(out.join("nexushr_descriptor.bin"))
        .compile_protos(&files, &[root.clone(), include])?;
    // Relative to this package, so clones sharing one target directory each watch their own.
    println!("cargo:rerun-if-changed=../../proto");
    Ok(())
}
