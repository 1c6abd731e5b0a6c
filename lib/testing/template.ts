export const TEMPLATE_DATABASE = "classound_template";
