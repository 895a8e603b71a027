-- One database per service (compose.yaml).
CREATE DATABASE catalog;
CREATE DATABASE resumes;
CREATE DATABASE questions;
