//! The NexusHR wire contracts, generated from `proto/nexushr/**`.
//!
//! Prost types stay at the edge: services convert them to domain types with `TryFrom`.
#![allow(unreachable_pub, clippy::all)]

pub mod common {
    pub mod v1 {
        tonic::include_proto!("nexushr.common.v1");
    }
}
pub mod catalog {
    pub mod v1 {
        tonic::include_proto!("nexushr.catalog.v1");
    }
}
pub mod resumes {
    pub mod v1 {
        tonic::include_proto!("nexushr.resumes.v1");
    }
}
pub mod questions {
    pub mod v1 {
        tonic::include_proto!("nexushr.questions.v1");
    }
}
pub mod events {
    pub mod v1 {
        tonic::include_proto!("nexushr.events.v1");
    }
}

/// Encoded `FileDescriptorSet` of every NexusHR proto, for gRPC server reflection.
pub const FILE_DESCRIPTOR_SET: &[u8] = tonic::include_file_descriptor_set!("nexushr_descriptor");
