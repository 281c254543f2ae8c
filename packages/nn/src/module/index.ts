export type { ForwardHook, ForwardPreHook, RemovableHandle } from "./hooks.js";
export { Module } from "./module.js";
export { isParameter, Parameter } from "./parameter.js";
export type { LoadStateDictOptions, LoadStateDictResult, StateDict } from "./state-dict.js";
