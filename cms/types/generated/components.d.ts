import type { Schema, Struct } from '@strapi/strapi';

export interface SharedDownload extends Struct.ComponentSchema {
  collectionName: 'components_shared_downloads';
  info: {
    description: 'A document readers can download: an uploaded file or a link.';
    displayName: 'Download';
    icon: 'file';
  };
  attributes: {
    file: Schema.Attribute.Media<'files' | 'images'>;
    format: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 20;
      }>;
    sizeBytes: Schema.Attribute.Integer;
    title: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    url: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2048;
      }>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'shared.download': SharedDownload;
    }
  }
}
