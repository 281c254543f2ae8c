export { DataLoader, type DataLoaderOptions } from "./data-loader.js";
export { TensorDataset } from "./tensor-dataset.js";
