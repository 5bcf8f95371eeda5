import type { Schema, Struct } from '@strapi/strapi';

export interface SearchAbbreviation extends Struct.ComponentSchema {
  collectionName: 'components_search_abbreviations';
  info: {
    description: 'An abbreviation and the words it stands for.';
    displayName: 'Abbreviation';
    icon: 'search';
  };
  attributes: {
    abbreviation: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    meanings: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 1000;
      }>;
  };
}

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
      'search.abbreviation': SearchAbbreviation;
      'shared.download': SharedDownload;
    }
  }
}
